package io.entente.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the aggregate an event family belongs to. The topic is {@code <value>.events}, so every event of one
 * aggregate lands on one topic and keeps its order per key.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Aggregate {
    String value();
}
