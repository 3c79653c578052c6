package io.entente.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Classifies a component of a response record as internal: only our side reads it (negotiation positions, internal
 * risk ratings, internal notes and briefings, workload figures). Every other component is joint, seen by both
 * companies. A partner caller receives every answer through {@link PartnerEdition}, which does not see internal
 * components at all, so a new internal field is safe as soon as it carries this mark.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Internal {
}
