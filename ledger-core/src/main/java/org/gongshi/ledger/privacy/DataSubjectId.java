package org.gongshi.ledger.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field of a message naming the data subject whose key seals its {@link PersonalData} fields,
 * nested ones included. In Gongshi the data subject is the party of a case, and third parties named
 * in its record's redactions: its id is the case id (a person-wide id would itself be personal data
 * to index).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface DataSubjectId {
}
