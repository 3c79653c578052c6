package io.entente.governance.domain.packet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Produces an edition of a packet from its stored snapshot. The partner edition goes through a serialiser that
 * does not see {@link InternalOnly} components at all, so an internal field cannot leak by being forgotten in a
 * template or a mapping.
 */
public final class Editions {

    private static final ObjectMapper PARTNER = Snapshots.MAPPER.copy()
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public boolean hasIgnoreMarker(AnnotatedMember member) {
                    return member.hasAnnotation(InternalOnly.class) || super.hasIgnoreMarker(member);
                }
            });

    private Editions() {
    }

    /** The edition's JSON tree. */
    public static JsonNode tree(PacketContent content, Edition edition) {
        return (edition == Edition.PARTNER ? PARTNER : Snapshots.MAPPER).valueToTree(content);
    }

    public static String json(PacketContent content, Edition edition) {
        try {
            return (edition == Edition.PARTNER ? PARTNER : Snapshots.MAPPER).writeValueAsString(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content as the edition's reader may see it: for the partner, every internal component is null. */
    public static PacketContent content(PacketContent content, Edition edition) {
        if (edition == Edition.INTERNAL) {
            return content;
        }
        return Snapshots.read(json(content, Edition.PARTNER));
    }
}
