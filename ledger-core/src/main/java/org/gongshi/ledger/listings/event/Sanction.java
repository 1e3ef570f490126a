package org.gongshi.ledger.listings.event;

import java.time.LocalDate;

/**
 * 失信惩戒措施: one measure imposed on a listed subject, with its scope and the last day it applies
 * ({@code until}, never after the entry's term end). In a decision the id and until may be left out:
 * the entry numbers its sanctions ({@code listingId/1}, ...) and runs them to the term end.
 */
public record Sanction(String sanctionId, SanctionMeasure measure, String scope, LocalDate until) {}
