package org.gongshi.api.input;

import org.gongshi.api.limits.Bounds;
import org.gongshi.api.problem.RefusedInput;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
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
 * whole numbers must be whole, an amount is a JSON number or a plain decimal string ({@link Yuan}), booleans must be {@code true}/{@code false}, and a body is at most
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
        module.addDeserializer(java.math.BigDecimal.class, new Yuan());
        module.addDeserializer(Boolean.class, new JsonBoolean());
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription.Supplier description,
                                                               ValueDeserializer<?> deserializer) {
                return new ExactEnum(deserializer, type.getRawClass());
            }
        });
        return base.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .changeDefaultNullHandling(n -> n.withContentNulls(Nulls.FAIL))
                // an empty or blank string is no number, boolean or constant (a fuzz from outside, stop 78: "days": "" was taken
                // as no days, and an extension of 30 recorded; "waived": "" as false)
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail).setAcceptBlankAsEmpty(false))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail).setAcceptBlankAsEmpty(false))
                .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail).setAcceptBlankAsEmpty(false))
                .addModule(module)
                .addHandler(new UnknownEnumValues())
                .build();
    }

    /** Installs the strict mapper as the request-body decoder (register it to run after Boot's own codec set-up). */
    public static CodecCustomizer codecs(JsonMapper base) {
        return codecs(base, () -> null);
    }

    /**
     * {@link #codecs(JsonMapper)}, and a body refused for faults read past is also checked by {@code validator} (the bean
     * validation a handler's {@code @Valid} runs), so the 400 names those fields too.
     */
    public static CodecCustomizer codecs(JsonMapper base, java.util.function.Supplier<jakarta.validation.Validator> validator) {
        JsonMapper strict = strict(base);
        return configurer -> {
            JacksonJsonDecoder decoder = new EveryUnknownEnumValue(strict, validator);
            decoder.setMaxInMemorySize(Bounds.BODY_BYTES);
            configurer.defaultCodecs().jacksonJsonDecoder(decoder);
            configurer.defaultCodecs().maxInMemorySize(Bounds.BODY_BYTES);
        };
    }

    /**
     * The reader's attribute under which a decoding collects the faults it met and read past: unknown enum values
     * ({@link UnknownEnumValues}), unknown fields, dates and texts refused ({@link IsoDate}, {@link CheckedText}).
     */
    private static final Object FAULTS = new Object();

    /**
     * Every unknown enum value, unknown field, malformed date and refused text of a body, each named with its field, not only
     * the first (outside audits: a decision with a bad {@code kind} and a bad penalty {@code type} was answered one at a time;
     * a filing with a bad date, kind and procedure and two unknown fields, one fault at a time): a decoding collects them
     * and refuses the body with all of them once it is read. Another fault of the body (a number of the wrong kind, a
     * duplicate key, JSON that does not parse) stops the reading as before and is answered alone.
     */
    static final class EveryUnknownEnumValue extends JacksonJsonDecoder {
        /** The list the reader of the decoding under way on this thread collects into (decoding is synchronous). */
        private static final ThreadLocal<List<InvalidRequest.FieldProblem>> COLLECTED = new ThreadLocal<>();

        private final java.util.function.Supplier<jakarta.validation.Validator> validator;

        EveryUnknownEnumValue(JsonMapper mapper, java.util.function.Supplier<jakarta.validation.Validator> validator) {
            super(mapper);
            this.validator = validator;
        }

        /**
         * The faults read past, and what the bean validation a handler runs finds in the rest of the body: a body refused for a
         * malformed date was not told that a required field was missing as well (a sweep from outside, stop 88: every fault
         * named only once the ones before it were fixed). A field already named is not named again.
         */
        private List<InvalidRequest.FieldProblem> withTheRest(List<InvalidRequest.FieldProblem> faults, Object value) {
            jakarta.validation.Validator checks = value == null ? null : validator.get();
            if (checks == null) return List.copyOf(faults);
            List<InvalidRequest.FieldProblem> all = new ArrayList<>(faults);
            for (jakarta.validation.ConstraintViolation<Object> violation : checks.validate(value)) {
                String field = violation.getPropertyPath().toString();
                if (field.isEmpty()) field = "body";
                String named = field;
                if (faults.stream().noneMatch(f -> named.equals(f.field()) || named.startsWith(f.field() + ".") || named.startsWith(f.field() + "["))) {
                    all.add(new InvalidRequest.FieldProblem(field, violation.getMessage()));
                }
            }
            return all;
        }

        /** Only a whole body decoded here collects (a streamed decoding fails at its first unknown value, as before). */
        @Override
        protected ObjectReader customizeReader(ObjectReader reader, ResolvableType elementType, Map<String, Object> hints) {
            List<InvalidRequest.FieldProblem> problems = COLLECTED.get();
            ObjectReader customized = super.customizeReader(reader, elementType, hints);
            return problems == null ? customized : customized.withAttribute(FAULTS, problems);
        }

        @Override
        public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints) {
            requireUtf8(buffer);
            List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
            COLLECTED.set(problems);
            try {
                Object value;
                try {
                    value = super.decode(buffer, targetType, mimeType, hints);
                } catch (RuntimeException e) {
                    // a fault that stopped the reading after others were read past (a list that takes no null, where a refused
                    // text was read as one): named after them (a re-test from outside, stop 88: left out until they were fixed);
                    // what the body holds after it is read once it is fixed
                    if (problems.isEmpty()) throw e;
                    List<InvalidRequest.FieldProblem> all = new ArrayList<>(problems);
                    InvalidRequest.FieldProblem stop = org.gongshi.api.problem.Problems.readingFault(e);
                    if (stop != null && all.stream().noneMatch(p -> p.field().equals(stop.field()))) all.add(stop);
                    throw new InvalidRequest(all);
                }
                if (!problems.isEmpty()) throw new InvalidRequest(withTheRest(problems, value));
                return value;
            } finally {
                COLLECTED.remove();
            }
        }
    }

    /**
     * A body that is not UTF-8 as RFC 3629 writes it is refused whole: Jackson's parser decodes an overlong form ({@code C0 BC}
     * as {@code <}), the way round a filter that looks at bytes (a security sweep, stop 73), where Java's decoder refuses it.
     */
    static void requireUtf8(DataBuffer buffer) {
        java.nio.charset.CharsetDecoder strict = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(buffer.readableByteCount());
        buffer.toByteBuffer(buffer.readPosition(), bytes, 0, bytes.capacity());
        try {
            strict.decode(bytes);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidRequest(List.of(new InvalidRequest.FieldProblem("body", "is not valid UTF-8 (RFC 3629: no overlong forms,"
                    + " no encoded surrogates); send the body as UTF-8")));
        }
    }

    /**
     * A constant exactly as named: Jackson reads an enum's value with the spaces and control characters at its ends trimmed
     * (a fuzz from outside, stop 78: " TRADEMARK" ending in U+0000 was recorded as TRADEMARK, where a text holding U+0000 is
     * refused), so a value that is not its own trimmed form is handed on as one that names no constant.
     */
    static final class ExactEnum extends DelegatingDeserializer {
        private final Class<?> type;

        ExactEnum(ValueDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new ExactEnum(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String value = p.getString();
                // "" too: noted with the other faults rather than stopping the reading (a sweep from outside, stop 88)
                if (value.isEmpty() || !value.equals(value.strip()) || !value.equals(value.trim())) {
                    return ctxt.handleWeirdStringValue(type, value, "not one of the constants as named");
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    /**
     * An enum value that is none of its constants, noted with its field and the constants while the body is read on, when
     * the reader collects them ({@link EveryUnknownEnumValue}); otherwise Jackson's own failure, answered as before.
     */
    static final class UnknownEnumValues extends DeserializationProblemHandler {
        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
            if (!targetType.isEnum()) return NOT_HANDLED;
            return collected(ctxt, ctxt.getParser(), "must be one of " + Arrays.toString(targetType.getEnumConstants())) ? null : NOT_HANDLED;
        }

        /** A field the request does not have: noted, and its value read past, when the reader collects. */
        @Override
        @SuppressWarnings("unchecked")
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, tools.jackson.databind.ValueDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) {
            java.util.Collection<Object> known = deserializer == null ? null : deserializer.getKnownPropertyNames();
            String message = "is not a field of this request" + (known == null ? ""
                    : "; its fields are " + known.stream().map(String::valueOf).sorted().toList());
            if (!(ctxt.getAttribute(FAULTS) instanceof List<?> problems)) return false;
            ((List<InvalidRequest.FieldProblem>) problems).add(new InvalidRequest.FieldProblem(field(ctxt.getParser(), propertyName), message));
            p.skipChildren();
            return true;
        }

        /**
         * The field {@code name} of the object {@code parser} reads: a request is a record, whose fields are read whole before
         * an unknown one is handed here from a buffer, so the parser stands at the object's end, in its holder's context
         * (the buffer's own contexts do not name the object's place).
         */
        private static String field(JsonParser parser, String name) {
            TokenStreamContext holder = parser.streamReadContext();
            if (parser.currentToken() != JsonToken.END_OBJECT) { // read as it comes: the parser stands at the value
                if (parser.currentToken() != null && parser.currentToken().isStructStart()) holder = holder.getParent();
                holder = holder.getParent();
            }
            String object = holder == null ? "body" : path(holder);
            return object.equals("body") ? name : object + "." + name;
        }

        /** The field being read, as the problems name fields: {@code penalties[0].type}. */
        static String path(TokenStreamContext context) {
            Deque<String> parts = new ArrayDeque<>();
            for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inObject() && c.currentName() != null) parts.addFirst(c.currentName());
                else if (c.inArray()) parts.addFirst("[" + c.getCurrentIndex() + "]");
            }
            String field = String.join(".", parts).replace(".[", "[");
            return field.isEmpty() ? "body" : field;
        }
    }

    /**
     * Notes {@code message} for the field {@code p} reads, when the reading collects (a whole body decoded here): true then,
     * and the caller reads past the value; false when it does not, and the caller refuses the value at once.
     */
    @SuppressWarnings("unchecked")
    static boolean collected(DeserializationContext ctxt, JsonParser p, String message) {
        if (!(ctxt.getAttribute(FAULTS) instanceof List<?> problems)) return false;
        // at an object or a list the parser stands in it already: the field is its parent's
        TokenStreamContext at = p.currentToken() != null && p.currentToken().isStructStart() ? p.streamReadContext().getParent() : p.streamReadContext();
        ((List<InvalidRequest.FieldProblem>) problems).add(new InvalidRequest.FieldProblem(UnknownEnumValues.path(at), message));
        return true;
    }

    /**
     * A value refused with {@code message}: noted and read past when the reading collects, standing in as {@code readPast}
     * (never thrown away, as the body is refused once read), else refused at once. A text stands in as "" rather than null:
     * in a list that takes no null, a null stopped the reading there, and the faults after it went unnamed (CI: a refused
     * redaction hid a malformed date that followed it, as the body's fields came in one order and not the other).
     */
    private static <T> T refused(JsonParser p, DeserializationContext ctxt, String message, Class<T> type, T readPast) {
        if (!collected(ctxt, p, message)) throw new RefusedInput(p, message, type);
        p.skipChildren();
        return readPast;
    }

    /**
     * A yes or no is a JSON {@code true} or {@code false}; anything else ({@code "yes"}, {@code 1}, {@code ""}) is refused and,
     * when the reading collects, noted with the body's other faults: it stopped the reading, and the faults after it went
     * unnamed until it was fixed (a sweep from outside, stop 88).
     */
    static final class JsonBoolean extends StdDeserializer<Boolean> {
        JsonBoolean() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_TRUE) return Boolean.TRUE;
            if (p.currentToken() == JsonToken.VALUE_FALSE) return Boolean.FALSE;
            return refused(p, ctxt, "must be true or false", Boolean.class, null);
        }
    }

    /** A date is an ISO-8601 string, {@code yyyy-MM-dd}, and a real day. */
    static final class IsoDate extends StdDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return refused(p, ctxt, "must be a date as an ISO string like \"2026-02-10\" (not a number or an array)", LocalDate.class, null);
            }
            String text = p.getString();
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return refused(p, ctxt, "must be a date like \"2026-02-10\" (ISO 8601, yyyy-MM-dd)", LocalDate.class, null);
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return refused(p, ctxt, "is not a day of the calendar (" + text + "); send a real date like \"2026-02-10\"", LocalDate.class, null);
            }
        }
    }

    /**
     * An amount of money (the only decimals a request takes) is a JSON number or a string of plain decimal digits,
     * {@code "50000.50"} (API.md: "money in yuan as a decimal string or number"): BigDecimal's own parsing took
     * {@code " 500 "}, {@code "+500"} and {@code "5e4"} (a sweep from outside, stop 74). A number written with an exponent is
     * kept as its plain value ({@code 5E+4} as {@code 50000}), and one beyond any amount as it is, for its bound to refuse; a sign is left to the field's bound, which names it.
     */
    static final class Yuan extends StdDeserializer<java.math.BigDecimal> {
        private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("-?\\d{1,1000}(?:\\.\\d{1,1000})?");

        Yuan() {
            super(java.math.BigDecimal.class);
        }

        @Override
        public java.math.BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            java.math.BigDecimal amount;
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                amount = p.getDecimalValue();
            } else if (p.currentToken() == JsonToken.VALUE_STRING && PLAIN.matcher(p.getString()).matches()) {
                amount = new java.math.BigDecimal(p.getString());
            } else {
                return refused(p, ctxt, "must be an amount in yuan, a number or a string of digits with at most 2 decimals like"
                        + " \"50000.50\" (a string without blanks, plus sign or exponent)", java.math.BigDecimal.class, null);
            }
            // an exponent's plain value, only for an amount of a size money has (1e2147483647 is left to the bound, whole)
            return amount.scale() < 0 && (long) amount.precision() - amount.scale() <= 20 ? amount.setScale(0) : amount;
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
                return refused(p, ctxt, "must be text (a JSON string)", String.class, "");
            }
            String text = p.getString();
            var problem = Text.problem(text);
            return problem.isPresent() ? refused(p, ctxt, problem.get(), String.class, "") : text;
        }
    }
}
