package org.gongshi.projections.privacy;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.gongshi.ledger.privacy.DataSubjectId;
import org.gongshi.ledger.privacy.MaybePersonal;
import org.gongshi.ledger.privacy.PersonalData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The events serializer with crypto-shredding: the open equivalent of Axon's data-protection module.
 * On write, every {@link PersonalData} field of a message (nested records and lists included) is
 * sealed with the key of the message's {@link DataSubjectId} ({@link PersonalDataSeal}); on read,
 * every sealed value is opened, or reads as {@link PersonalData#SHREDDED} once its key was deleted.
 * The stored bytes never change: a hash over them (an audit ledger's leaf) holds after shredding.
 * Messages without personal data pass through the Jackson serializer untouched.
 */
public class SealingSerializer implements Serializer {

    private static final byte[] MARK = PersonalDataSeal.PREFIX.getBytes(StandardCharsets.UTF_8);
    private static final ClassValue<Boolean> HOLDS_PERSONAL_DATA = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return holdsPersonalData(type, 0);
        }
    };

    /**
     * Whether a message type's only personal data is free text about its subject ({@link PersonalData#ifSubjectIsNaturalPerson}),
     * its records' and lists' of records included (a decision's penalties and their descriptions).
     */
    private static final ClassValue<Boolean> ONLY_FREE_TEXT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (!type.isRecord()) return false;
            boolean freeText = false;
            for (RecordComponent component : type.getRecordComponents()) {
                PersonalData annotation = component.getAnnotation(PersonalData.class);
                Class<?> held = component.getType();
                if (annotation != null) {
                    if (!annotation.ifSubjectIsNaturalPerson()) return false;
                    freeText = true;
                    continue;
                }
                if (Collection.class.isAssignableFrom(held)) {
                    if (!(component.getGenericType() instanceof ParameterizedType list)
                            || !(list.getActualTypeArguments()[0] instanceof Class<?> element)) return false;
                    held = element;
                }
                if (HOLDS_PERSONAL_DATA.get(held)) {
                    if (!get(held)) return false;
                    freeText = true;
                }
            }
            return freeText;
        }
    };

    private final Serializer delegate;
    private final Supplier<PersonalDataSeal> seals;
    private volatile PersonalDataSeal seal;

    public SealingSerializer(Serializer delegate, PersonalDataSeal seal) {
        this(delegate, () -> seal);
    }

    /** With the seal looked up on first use (the key store may be built after the serializer). */
    public SealingSerializer(Serializer delegate, Supplier<PersonalDataSeal> seals) {
        this.delegate = delegate;
        this.seals = seals;
    }

    private PersonalDataSeal seal() {
        PersonalDataSeal s = seal;
        if (s == null) seal = s = seals.get();
        return s;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !HOLDS_PERSONAL_DATA.get(object.getClass())) return delegate.serialize(object, expectedRepresentation);
        String subjectId = subjectIdOf(object);
        // a message whose only personal data is free text, of a subject that is no natural person (an organisation's case):
        // nothing to seal, so it takes the direct way, not the tree's (most of the command path's events)
        if (ONLY_FREE_TEXT.get(object.getClass()) && seal().subjectIsNoNaturalPerson(subjectId)) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<JsonNode> tree = delegate.serialize(object, JsonNode.class);
        JsonNode node = tree.getData();
        sealFields(object, node, subjectId);
        T data = getConverter().convert(node, JsonNode.class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, tree.getType());
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (!mayHoldSealedValues(serializedObject.getData())) return delegate.deserialize(serializedObject);
        JsonNode node = getConverter().convert(serializedObject, JsonNode.class).getData().deepCopy();
        open(node);
        return delegate.deserialize(new SimpleSerializedObject<>(node, JsonNode.class, serializedObject.getType()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    // ---- write

    private static String subjectIdOf(Object message) {
        for (RecordComponent component : message.getClass().getRecordComponents()) {
            if (component.isAnnotationPresent(DataSubjectId.class)) return (String) read(component, message);
        }
        throw new IllegalStateException(message.getClass().getName() + " holds personal data but names no @DataSubjectId");
    }

    /**
     * Seals the personal data of {@code value} in {@code node}: first what is personal data by its kind (a natural person's
     * name, which makes the subject's key when a case is filed), then the free texts about the subject, sealed when it has
     * a key by then (so a filing's own free texts are sealed with the key its party's name just made).
     */
    private void sealFields(Object value, JsonNode node, String subjectId) {
        sealFields(value, node, subjectId, false);
        sealFields(value, node, subjectId, true);
    }

    private void sealFields(Object value, JsonNode node, String subjectId, boolean freeTexts) {
        if (value == null || node == null) return;
        if (value instanceof Collection<?> items && node instanceof ArrayNode array) {
            int i = 0;
            for (Object item : items) sealFields(item, array.get(i++), subjectId, freeTexts);
            return;
        }
        if (!value.getClass().isRecord() || !(node instanceof ObjectNode object)) return;
        boolean personal = !(value instanceof MaybePersonal maybe) || maybe.personal();
        // a case filed against an organisation: its subject has no key, known without asking the key store (a query on the
        // command path waited for the read-model store's checkpoints: 1-client p99 21 -> 37 ms)
        if (!freeTexts && !personal) seal().noteNoNaturalPerson(subjectId);
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            JsonNode child = object.get(component.getName());
            PersonalData annotation = component.getAnnotation(PersonalData.class);
            if (annotation != null && annotation.ifSubjectIsNaturalPerson()) {
                if (freeTexts && child != null && child.isString()) {
                    object.set(component.getName(), StringNode.valueOf(seal().sealIfNaturalPerson(subjectId, child.stringValue())));
                }
            } else if (annotation != null) {
                if (!freeTexts && personal && child != null) object.set(component.getName(), sealed(child, subjectId));
            } else if (HOLDS_PERSONAL_DATA.get(component.getType()) || Collection.class.isAssignableFrom(component.getType())) {
                sealFields(read(component, value), child, subjectId, freeTexts);
            }
        }
    }

    private JsonNode sealed(JsonNode plain, String subjectId) {
        if (plain.isString()) return StringNode.valueOf(seal().seal(subjectId, plain.stringValue()));
        if (plain instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) array.set(i, sealed(array.get(i), subjectId));
        }
        return plain;
    }

    // ---- read

    private void open(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode child = field.getValue();
                if (child.isString() && PersonalDataSeal.isSealed(child.stringValue())) {
                    field.setValue(StringNode.valueOf(seal().open(child.stringValue())));
                } else {
                    open(child);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isString() && PersonalDataSeal.isSealed(child.stringValue())) {
                    array.set(i, StringNode.valueOf(seal().open(child.stringValue())));
                } else {
                    open(child);
                }
            }
        }
    }

    /** Bytes and text are searched for the seal's mark; any other form is walked. */
    private static boolean mayHoldSealedValues(Object data) {
        if (data instanceof byte[] bytes) return indexOf(bytes, MARK) >= 0;
        if (data instanceof String text) return text.contains(PersonalDataSeal.PREFIX);
        return data != null;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    // ---- which types hold personal data

    private static boolean holdsPersonalData(Class<?> type, int depth) {
        if (!type.isRecord() || depth > 8) return false;
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(PersonalData.class)) return true;
            if (holdsPersonalData(component.getType(), depth + 1)) return true;
            if (Collection.class.isAssignableFrom(component.getType()) && component.getGenericType() instanceof ParameterizedType p) {
                Type element = p.getActualTypeArguments()[0];
                if (element instanceof Class<?> c && holdsPersonalData(c, depth + 1)) return true;
            }
        }
        return false;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
