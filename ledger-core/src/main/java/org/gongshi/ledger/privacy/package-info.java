/**
 * Personal data in the ledger (Order 45 Art 6; issue 11 item 2): the annotations that mark which
 * message fields are a natural person's personal data and whose key seals them, and the data-subject
 * aggregate that records a subject's data being shredded (its key deleted) without any personal data.
 */
package org.gongshi.ledger.privacy;
