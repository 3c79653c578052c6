package io.entente.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * The one way an answer is cut down for the partner company: a copy of a mapper that ignores every {@link Internal}
 * component, so the partner's JSON has no such field (not even as null). The platform's response filter applies it to
 * every JSON answer a partner receives; a service that renders something else (a packet's HTML or PDF) renders it
 * from the partner's tree, never from the full object.
 */
public final class PartnerEdition {

    private PartnerEdition() {
    }

    /** A copy of {@code base} (same modules and settings) that does not see internal components. */
    public static ObjectMapper mapper(ObjectMapper base) {
        return base.copy().setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public boolean hasIgnoreMarker(AnnotatedMember member) {
                return member.hasAnnotation(Internal.class) || super.hasIgnoreMarker(member);
            }
        });
    }
}
