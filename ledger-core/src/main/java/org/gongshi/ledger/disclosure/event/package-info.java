/**
 * Events of a decision's public record (公示), and the values they carry: the
 * {@link org.gongshi.ledger.disclosure.event.PublicRecord} as published and the
 * {@link org.gongshi.ledger.disclosure.event.DisclosureAction}.
 */
package org.gongshi.ledger.disclosure.event;
