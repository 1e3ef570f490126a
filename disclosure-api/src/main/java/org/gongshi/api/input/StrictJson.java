package org.gongshi.api.input;

import org.gongshi.api.limits.Bounds;
import org.gongshi.api.problem.RefusedInput;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * How request bodies are read (issue 11 item 5): only here, never for events or read models. Dates
 * only as ISO strings ({@code "2026-02-10"}: no numbers, no arrays), duplicate keys refused, null
 * list elements refused, unknown fields refused (a misspelt optional field such as {@code redaction}
 * would otherwise be dropped silently), text must be text (no number or object in its place) and pass {@link Text},
 * whole numbers must be whole, booleans must be {@code true}/{@code false}, and a body is at most
 * {@link Bounds#BODY_BYTES}. Every refusal is a {@link RefusedInput} with a message that says what to send,
 * which the problem mapping turns into a 400 naming the field.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** The request-body mapper: the application's mapper, made strict. */
    public static JsonMapper strict(JsonMapper base) {
        SimpleModule module = new SimpleModule("gongshi-strict-input");
        module.addDeserializer(LocalDate.class, new IsoDate());
        module.addDeserializer(String.class, new CheckedText());
        return base.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultNullHandling(n -> n.withContentNulls(Nulls.FAIL))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(module)
                .build();
    }

    /** Installs the strict mapper as the request-body decoder (register it to run after Boot's own codec set-up). */
    public static CodecCustomizer codecs(JsonMapper base) {
        JsonMapper strict = strict(base);
        return configurer -> {
            JacksonJsonDecoder decoder = new JacksonJsonDecoder(strict);
            decoder.setMaxInMemorySize(Bounds.BODY_BYTES);
            configurer.defaultCodecs().jacksonJsonDecoder(decoder);
            configurer.defaultCodecs().maxInMemorySize(Bounds.BODY_BYTES);
        };
    }

    /** Input refused with a message for the caller (no type names). */
    /** A date is an ISO-8601 string, {@code yyyy-MM-dd}, and a real day. */
    static final class IsoDate extends StdDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new RefusedInput(p, "must be a date as an ISO string like \"2026-02-10\" (not a number or an array)", LocalDate.class);
            }
            String text = p.getString();
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new RefusedInput(p, "must be a date like \"2026-02-10\" (ISO 8601, yyyy-MM-dd)", LocalDate.class);
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new RefusedInput(p, "is not a day of the calendar (" + text + "); send a real date like \"2026-02-10\"", LocalDate.class);
            }
        }
    }

    /** Text is a JSON string that passes {@link Text#problem(String)}. */
    static final class CheckedText extends StdDeserializer<String> {
        CheckedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new RefusedInput(p, "must be text (a JSON string)", String.class);
            }
            String text = p.getString();
            Text.problem(text).ifPresent(problem -> {
                throw new RefusedInput(p, problem, String.class);
            });
            return text;
        }
    }
}
