/** Commands of data subjects: {@link org.gongshi.ledger.privacy.command.ShredSubject}. */
package org.gongshi.ledger.privacy.command;
