package org.gatewaypower.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * Request bodies of the API are read strictly, so that nothing a client sends is silently changed into
 * something else: enums only by name (never by ordinal), whole numbers only as JSON integers (2.9 is
 * refused, not stored as 2), numbers only as JSON numbers, strings only as JSON strings, booleans only as
 * {@code true}/{@code false}, instants only as ISO-8601 strings. Unknown properties stay ignored, so a
 * client may send back what it read (with {@code id}, {@code updatedAt}, …).
 *
 * <p>Only the server's JSON message converter uses this mapper; the application's own {@code JsonMapper}
 * (baselines, archives, import mappings read JSON the application wrote) is unchanged. Responses are
 * written exactly as before: the strict mapper is a copy of the application's one with stricter reading.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    ServerHttpMessageConvertersCustomizer strictApiJson(JsonMapper applicationMapper) {
        JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(strict(applicationMapper));
        // Only the plain JSON converter: subclasses such as Spring Data's projecting one keep their place and role.
        return builder -> builder.configureMessageConvertersList(list -> list.replaceAll(
                c -> c.getClass() == JacksonJsonHttpMessageConverter.class ? strict : c));
    }

    static JsonMapper strict(JsonMapper base) {
        return base.rebuild()
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .addModule(new SimpleModule("strict-instants").addDeserializer(Instant.class, new IsoInstant()))
                .build();
    }

    /** An instant only as an ISO-8601 string within years 1..9999 (never epoch numbers, never ""). */
    static final class IsoInstant extends ValueDeserializer<Instant> {

        private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
        private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getString().strip();
            try {
                Instant t = Instant.parse(text);
                if (t.isBefore(FIRST) || t.isAfter(LAST)) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                            "an instant between years 1 and 9999 is expected");
                }
                return t;
            } catch (DateTimeParseException ex) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "an ISO-8601 UTC instant such as 2027-01-01T00:00:00Z is expected");
            }
        }
    }
}
