package io.entente.sprint.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.List;

/**
 * Stores a short list of keys as {@code ,A,B,}: a filter on one key is then {@code like '%,A,%'}, without a join
 * table or a database-specific array type.
 */
@Converter
public class KeyListConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> keys) {
        return keys == null || keys.isEmpty() ? "," : "," + String.join(",", keys) + ",";
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).toList();
    }

    /** The LIKE pattern that finds one key in such a column. */
    public static String containing(String key) {
        return "%," + key + ",%";
    }
}
