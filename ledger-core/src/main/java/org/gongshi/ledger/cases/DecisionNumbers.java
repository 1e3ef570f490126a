package org.gongshi.ledger.cases;

import org.axonframework.modelling.command.Repository;

import org.gongshi.ledger.policy.Rule;

import java.util.Objects;

import static org.gongshi.ledger.policy.RuleViolation.check;

/**
 * The bureaus' decision numbers ({@link DecisionNumberSlot}), as a deciding {@link Case} takes
 * them: an injected handler parameter, called before the decision is applied, inside the decision's
 * unit of work, so the number and the decision are committed together or not at all.
 */
public interface DecisionNumbers {

    /**
     * Takes {@code decisionNumber} of {@code bureau} for case {@code caseId}.
     *
     * @throws org.gongshi.ledger.policy.RuleViolation under {@code DECISION_NUMBER_UNIQUE}, naming the case that has it
     */
    void take(String bureau, String decisionNumber, String caseId);

    static DecisionNumbers backedBy(Repository<DecisionNumberSlot> repository) {
        Objects.requireNonNull(repository, "repository");
        return (bureau, decisionNumber, caseId) -> {
            check(decisionNumber != null && !decisionNumber.isBlank(), Rule.DECISION_NUMBER_UNIQUE,
                    "a decision carries its decision number (decisionNumber)");
            try {
                repository.loadOrCreate(DecisionNumberSlot.idOf(bureau, decisionNumber), DecisionNumberSlot::new)
                        .execute(slot -> slot.take(bureau, decisionNumber, caseId));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot load decision number " + decisionNumber + " of " + bureau, e);
            }
        };
    }
}
