package io.entente.governance.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How this service reads request bodies, on top of the platform's strict reading: this service's object mapper
 * reads nothing but its own request bodies (events and stored snapshots have mappers of their own).
 * <ul>
 * <li>Dates and times only as ISO-8601 text, as documented ({@code "2027-01-12T09:00:00+01:00"},
 * {@code "2027-01-12"}). Jackson would otherwise read {@code 1767225600} or {@code "1767225600"} as epoch seconds
 * and {@code [2027,1,12]} as a date: a client's mistake stored as some instant. Each is a 400 naming the field.</li>
 * <li>Blank text is absent text: {@code "notes": "   "} is stored as null, never as blanks. A required field left
 * blank is still refused by its {@code @NotBlank}.</li>
 * </ul>
 */
@Singleton
public class RequestJson implements ObjectMapperCustomizer {

    private static final Set<Class<?>> DATES_AND_TIMES = Set.of(Instant.class, OffsetDateTime.class,
            ZonedDateTime.class, LocalDateTime.class, LocalDate.class, LocalTime.class, OffsetTime.class);

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("governance-request-json");
        module.addDeserializer(String.class, new BlankAsNull());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return DATES_AND_TIMES.contains(description.getBeanClass()) ? new IsoText(deserializer) : deserializer;
            }
        });
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

    /** Lets only text that is not a bare number through to the java.time deserializer it wraps. */
    static final class IsoText extends DelegatingDeserializer {

        private static final Pattern NUMBER = Pattern.compile("\\s*[-+]?[0-9]+(\\.[0-9]*)?\\s*");

        IsoText(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new IsoText(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            Class<?> type = handledType();
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                throw InvalidFormatException.from(p, "a date or time must be ISO-8601 text, not a number",
                        p.getText(), type);
            }
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(type, p);
            }
            if (NUMBER.matcher(p.getText()).matches()) {
                throw InvalidFormatException.from(p, "a date or time must be ISO-8601 text, not a number",
                        p.getText(), type);
            }
            return super.deserialize(p, context);
        }
    }
}
