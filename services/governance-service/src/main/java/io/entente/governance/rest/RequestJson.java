package io.entente.governance.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * How this service reads request bodies, on top of the platform's strict reading ({@code StrictJson}: among others,
 * dates and times only as ISO-8601 text): this service's object mapper reads nothing but its own request bodies
 * (events and stored snapshots have mappers of their own).
 * <ul>
 * <li>Blank text is absent text: {@code "notes": "   "} is stored as null, never as blanks. A required field left
 * blank is still refused by its {@code @NotBlank}.</li>
 * </ul>
 */
@Singleton
public class RequestJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("governance-request-json");
        module.addDeserializer(String.class, new BlankAsNull());
        mapper.registerModule(module);
    }

    /** Text as Jackson reads it, except that blank text is null. */
    static final class BlankAsNull extends StdScalarDeserializer<String> {

        BlankAsNull() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, context);
            return text == null || text.isBlank() ? null : text;
        }
    }
}
