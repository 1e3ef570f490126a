package org.gongshi.ledger.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a message that holds a natural person's personal data: a text, or a list of texts.
 * The event store never holds it in clear: the events serializer seals it (AES-GCM) with the key of
 * the message's data subject ({@link DataSubjectId}), kept outside the event store, and opens it on
 * read; once that key is deleted it reads as {@link #SHREDDED} everywhere, backups included. The open
 * equivalent of the field-level annotations of Axon's data-protection module.
 *
 * <p>On a type that implements {@link MaybePersonal}, the field is sealed only when
 * {@link MaybePersonal#personal()} says the value belongs to a natural person.
 *
 * <p>A free text the bureau writes about the subject ({@link #ifSubjectIsNaturalPerson}) may name it too: it is sealed
 * when the data subject is a natural person (its filing sealed its name, so it has a key), read as {@link #SHREDDED}
 * once that key is deleted, and kept in clear for an organisation's case.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    /** What a personal field reads as once its data subject's key is gone. */
    String SHREDDED = "shredded";

    /**
     * A free text (facts, a statement's summary, a reason, a note) that is personal data when its data subject is a
     * natural person, i.e. when the subject has a key; in clear when it has none (an organisation); not stored at all
     * (it reads {@link #SHREDDED}) when the subject was shredded before it was written.
     */
    boolean ifSubjectIsNaturalPerson() default false;
}
