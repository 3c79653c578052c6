package io.entente.decision.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/**
 * Small lists (options, DACI names, ladder steps) stored as JSON text. Our own converters rather than Hibernate's
 * JSON type, so the column format does not depend on how the REST layer's mapper is configured.
 */
public final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonColumns() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value == null ? List.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value, e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json == null || json.isBlank() ? "[]" : json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column: " + json, e);
        }
    }

    @Converter
    public static class Options implements AttributeConverter<List<DecisionOption>, String> {
        @Override
        public String convertToDatabaseColumn(List<DecisionOption> attribute) {
            return write(attribute);
        }

        @Override
        public List<DecisionOption> convertToEntityAttribute(String dbData) {
            return List.copyOf(read(dbData, new TypeReference<List<DecisionOption>>() { }));
        }
    }

    @Converter
    public static class Names implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> attribute) {
            return write(attribute);
        }

        @Override
        public List<String> convertToEntityAttribute(String dbData) {
            return List.copyOf(read(dbData, new TypeReference<List<String>>() { }));
        }
    }

    @Converter
    public static class Ladder implements AttributeConverter<List<LadderStep>, String> {
        @Override
        public String convertToDatabaseColumn(List<LadderStep> attribute) {
            return write(attribute);
        }

        @Override
        public List<LadderStep> convertToEntityAttribute(String dbData) {
            return List.copyOf(read(dbData, new TypeReference<List<LadderStep>>() { }));
        }
    }
}
