package io.entente.governance.domain.packet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks packet content that only our side may read: negotiation positions, internal risk ratings, internal
 * comments. The partner edition is produced by dropping every component carrying this mark ({@link Editions}), so
 * a new internal field is safe as soon as it is annotated.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface InternalOnly {
}
