/**
 * Commands of the case lifecycle (立案 to 结案 and later revision), handled by
 * {@link org.gongshi.ledger.cases.Case}: one Java record per legal act, addressed by {@code caseId}.
 * Value types they share with the events come from {@link org.gongshi.ledger.cases.event} and
 * {@link org.gongshi.ledger.vocabulary}.
 */
package org.gongshi.ledger.cases.command;
