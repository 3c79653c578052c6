package io.entente.platform.rest;

import io.entente.platform.figures.Quarter;
import io.entente.platform.problem.ProblemException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * Typed query parameters ({@code @QueryParam("status") DecisionStatus status}, UUIDs, dates, instants) read through
 * {@link QueryParams}, so a bad value answers 400 problem+json that names the parameter. Without this, JAX-RS answers a
 * query parameter it cannot convert with a bare 404, as if the resource did not exist. Path parameters are left to
 * the framework: a path that names no object is a 404.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParamName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            return converter(value -> (T) QueryParams.enumValue(name, value, (Class) rawType));
        }
        if (rawType == UUID.class) {
            return converter(value -> (T) QueryParams.uuid(name, value));
        }
        if (rawType == LocalDate.class) {
            return converter(value -> (T) QueryParams.date(name, value));
        }
        if (rawType == Quarter.class) {
            return converter(value -> (T) QueryParams.quarter(name, value));
        }
        if (rawType == Instant.class) {
            return converter(value -> (T) QueryParams.instant(name, value));
        }
        return null;
    }

    private static String queryParamName(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    return query.value();
                }
            }
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(Function<String, T> read) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                try {
                    return read.apply(value);
                } catch (ProblemException refused) {
                    // Rethrown as a WebApplicationException so that JAX-RS does not turn it into a 404;
                    // ProblemMappers answers with the problem it carries.
                    throw new BadRequestException(refused.getMessage(), refused);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }
}
