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

import org.gongshi.api.problem.InvalidRequest;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.util.MimeType;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.deser.DeserializationProblemHandler;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
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
                .addHandler(new UnknownEnumValues())
                .build();
    }

    /** Installs the strict mapper as the request-body decoder (register it to run after Boot's own codec set-up). */
    public static CodecCustomizer codecs(JsonMapper base) {
        JsonMapper strict = strict(base);
        return configurer -> {
            JacksonJsonDecoder decoder = new EveryUnknownEnumValue(strict);
            decoder.setMaxInMemorySize(Bounds.BODY_BYTES);
            configurer.defaultCodecs().jacksonJsonDecoder(decoder);
            configurer.defaultCodecs().maxInMemorySize(Bounds.BODY_BYTES);
        };
    }

    /** The reader's attribute under which a decoding collects the unknown enum values it met ({@link UnknownEnumValues}). */
    private static final Object UNKNOWN_ENUM_VALUES = new Object();

    /**
     * Every unknown enum value of a body, each named with its field, not only the first (an outside audit: a decision with a
     * bad {@code kind} and a bad penalty {@code type} was answered one at a time): a decoding collects them
     * ({@link UnknownEnumValues}) and refuses the body with all of them once it is read. Another fault of the body stops
     * the reading as before and is answered alone.
     */
    static final class EveryUnknownEnumValue extends JacksonJsonDecoder {
        /** The list the reader of the decoding under way on this thread collects into (decoding is synchronous). */
        private static final ThreadLocal<List<InvalidRequest.FieldProblem>> COLLECTED = new ThreadLocal<>();

        EveryUnknownEnumValue(JsonMapper mapper) {
            super(mapper);
        }

        /** Only a whole body decoded here collects (a streamed decoding fails at its first unknown value, as before). */
        @Override
        protected ObjectReader customizeReader(ObjectReader reader, ResolvableType elementType, Map<String, Object> hints) {
            List<InvalidRequest.FieldProblem> problems = COLLECTED.get();
            ObjectReader customized = super.customizeReader(reader, elementType, hints);
            return problems == null ? customized : customized.withAttribute(UNKNOWN_ENUM_VALUES, problems);
        }

        @Override
        public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints) {
            List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
            COLLECTED.set(problems);
            try {
                Object value = super.decode(buffer, targetType, mimeType, hints);
                if (!problems.isEmpty()) throw new InvalidRequest(List.copyOf(problems));
                return value;
            } finally {
                COLLECTED.remove();
            }
        }
    }

    /**
     * An enum value that is none of its constants, noted with its field and the constants while the body is read on, when
     * the reader collects them ({@link EveryUnknownEnumValue}); otherwise Jackson's own failure, answered as before.
     */
    static final class UnknownEnumValues extends DeserializationProblemHandler {
        @Override
        @SuppressWarnings("unchecked")
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
            if (!targetType.isEnum() || !(ctxt.getAttribute(UNKNOWN_ENUM_VALUES) instanceof List<?> problems)) return NOT_HANDLED;
            ((List<InvalidRequest.FieldProblem>) problems).add(new InvalidRequest.FieldProblem(path(ctxt.getParser().streamReadContext()),
                    "must be one of " + Arrays.toString(targetType.getEnumConstants())));
            return null;
        }

        /** The field being read, as the problems name fields: {@code penalties[0].type}. */
        private static String path(TokenStreamContext context) {
            Deque<String> parts = new ArrayDeque<>();
            for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inObject() && c.currentName() != null) parts.addFirst(c.currentName());
                else if (c.inArray()) parts.addFirst("[" + c.getCurrentIndex() + "]");
            }
            String field = String.join(".", parts).replace(".[", "[");
            return field.isEmpty() ? "body" : field;
        }
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
