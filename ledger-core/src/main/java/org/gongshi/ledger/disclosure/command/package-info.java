/**
 * Commands of a decision's public record (公示): decide, correct, expire and end it early by credit
 * repair. Addressed to the case ({@code caseId}) and handled by its disclosure entity.
 */
package org.gongshi.ledger.disclosure.command;
