package io.entente.platform.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
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
 * Request bodies are read strictly, so that a client's mistake is refused instead of guessed at: garbage after the
 * document, an empty string as a date, a number as an enum constant, a date-time cut to a date, and any date or time
 * that is not ISO-8601 text. Jackson would otherwise read {@code 1767225600} or {@code "1767225600"} as epoch seconds
 * and {@code [2027,1,12]} as a date: a client's mistake stored as some instant. Fields the body does not define are
 * refused, and text is stripped, blank text being absent ({@link Text}). Each becomes a 400 problem+json
 * naming the field, via {@link ProblemMappers}. The service's object mapper reads request bodies only: events
 * ({@code EventCodec}) and stored JSON have mappers of their own.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final Set<Class<?>> DATES_AND_TIMES = Set.of(Instant.class, OffsetDateTime.class,
            ZonedDateTime.class, LocalDateTime.class, LocalDate.class, LocalTime.class, OffsetTime.class);

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // A field the request does not define is a mistake to name ("admin": true), not something to ignore.
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // "governanceBody": 3 would silently pick the fourth constant.
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // A date is a date: "2027-03-01T10:00Z" is not quietly cut to 2027-03-01.
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.EmptyString,
                CoercionAction.Fail);
        SimpleModule module = new SimpleModule("entente-strict-json");
        module.addDeserializer(String.class, new Text());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return DATES_AND_TIMES.contains(description.getBeanClass()) ? new IsoText(deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
    }

    /**
     * Text as the services keep it: surrounding blanks go, and text of nothing but blanks is no value at all (null),
     * so "   " never shows as an empty description or owner, and a required field left blank is refused by its
     * {@code @NotBlank} like a missing one.
     */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, context);
            return FreeText.orNull(text);
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
