package org.gongshi.api.problem;

/** The request contradicts what the ledger holds (not a domain rule): answered 409. */
public class Conflict extends RuntimeException {
    public Conflict(String detail) {
        super(detail);
    }
}
