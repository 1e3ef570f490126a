package org.gongshi.ledger.cases.event;

/** Every event of the case lifecycle: immutable facts named after the legal act. */
public interface CaseEvent {
    String caseId();
}
