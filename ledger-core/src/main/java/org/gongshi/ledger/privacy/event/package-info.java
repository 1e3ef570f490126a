/** Events of data subjects: {@link org.gongshi.ledger.privacy.event.SubjectShredded}. */
package org.gongshi.ledger.privacy.event;
