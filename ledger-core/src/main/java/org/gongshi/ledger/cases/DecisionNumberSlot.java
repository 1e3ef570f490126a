package org.gongshi.ledger.cases;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.gongshi.ledger.cases.event.DecisionNumberTaken;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.text.VisibleText;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.gongshi.ledger.policy.RuleViolation.check;

/**
 * One decision number (文书号) of one bureau ({@code bureau + ":" + number}): set-based validation of
 * {@link Rule#DECISION_NUMBER_UNIQUE} across {@link Case} aggregates, the way {@code ListEntrySlot}
 * holds one active entry per list. A decision takes its number before it is applied, in the same
 * unit of work; two cases deciding under one number both append to this stream, and the second is
 * refused (or fails on the sequence number).
 *
 * <p>A number is never given back: a decision revoked or confirmed invalid (DOMAIN.md, revision)
 * still was issued under its number, and its document stays on file; a new decision is a new
 * document with a new number. Taking the number again for the same case does nothing.
 */
public class DecisionNumberSlot {

    @AggregateIdentifier
    private String slotId;
    private String caseId;

    protected DecisionNumberSlot() {
        // for Axon, and for a number used for the first time
    }

    /**
     * Keyed by the number as a reader sees it ({@link VisibleText}): "京罚〔２０２６〕１号" is the number "京罚〔2026〕1号" (audit:
     * full-width digits took a number already given). A slot taken before this keyed it by the number stripped of blanks
     * at its ends, which is the same key for every number typed without full-width, zero-width or inner blank characters.
     */
    public static String idOf(String bureau, String decisionNumber) {
        return bureau + ":" + VisibleText.of(decisionNumber);
    }

    void take(String bureau, String decisionNumber, String forCase) {
        if (forCase.equals(caseId)) return;
        check(caseId == null, Rule.DECISION_NUMBER_UNIQUE, "decision number " + decisionNumber.strip()
                + " is already the number of case " + caseId + "'s decision; a bureau gives each decision its own number");
        apply(new DecisionNumberTaken(idOf(bureau, decisionNumber), bureau, decisionNumber.strip(), forCase));
    }

    @EventSourcingHandler
    void on(DecisionNumberTaken event) {
        slotId = event.slotId();
        caseId = event.caseId();
    }
}
