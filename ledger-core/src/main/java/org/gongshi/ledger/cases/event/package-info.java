/**
 * Events of the case lifecycle: immutable facts named after the legal act, each a record
 * implementing {@link org.gongshi.ledger.cases.event.CaseEvent}, stored under their class names; plus
 * the value types only the case messages carry ({@code PauseReason}, {@code ExtensionApproval},
 * {@code RevisionBy}).
 */
package org.gongshi.ledger.cases.event;
