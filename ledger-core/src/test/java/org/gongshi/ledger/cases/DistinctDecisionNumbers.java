package org.gongshi.ledger.cases;

import org.gongshi.ledger.policy.Rule;

import java.util.HashMap;
import java.util.Map;

import static org.gongshi.ledger.policy.RuleViolation.check;

/** {@link DecisionNumbers} for aggregate fixtures: remembers which case took which number, in memory. */
public final class DistinctDecisionNumbers implements DecisionNumbers {

    private final Map<String, String> taken = new HashMap<>();

    @Override
    public void take(String bureau, String decisionNumber, String caseId) {
        String holder = taken.putIfAbsent(DecisionNumberSlot.idOf(bureau, decisionNumber), caseId);
        check(holder == null || holder.equals(caseId), Rule.DECISION_NUMBER_UNIQUE,
                "decision number " + decisionNumber + " is already the number of case " + holder + "'s decision");
    }
}
