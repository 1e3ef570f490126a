package org.gongshi.api.problem;

/**
 * The ledger takes no commands in the state it is in (its read models are ahead of its event store): 503 naming the state and
 * what the operator does about it. Retrying does not help until the operator has.
 */
public class LedgerNotServing extends RuntimeException {

    public LedgerNotServing(String detail) {
        super(detail);
    }
}
