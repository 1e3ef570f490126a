package org.gongshi.ledger.disclosure;

/**
 * Which public record of a decision: the first is the decision's own id, each one published again after a change (Order 45
 * Art 11) is {@code <decisionId>/<number>}, from 2. The one home of the record ids' form: the case publishes under it, the
 * public pages lead from a withdrawn record to the one after it and back.
 */
public record Edition(String decisionId, int number) {

    public Edition {
        if (number < 1) throw new IllegalArgumentException("an edition is numbered from 1, was " + number);
    }

    /** The edition a record id names (a record id without a number is the first). */
    public static Edition of(String recordId) {
        int slash = recordId.lastIndexOf('/');
        if (slash > 0 && slash < recordId.length() - 1 && recordId.substring(slash + 1).chars().allMatch(Character::isDigit)
                && recordId.length() - slash - 1 <= 6) {
            int number = Integer.parseInt(recordId.substring(slash + 1));
            if (number >= 2) return new Edition(recordId.substring(0, slash), number);
        }
        return new Edition(recordId, 1);
    }

    public String recordId() {
        return number == 1 ? decisionId : decisionId + "/" + number;
    }

    /** The record published after this one, once the decision was changed again. */
    public Edition next() {
        return new Edition(decisionId, number + 1);
    }

    /** The record this one replaced, or null for the first. */
    public Edition previous() {
        return number == 1 ? null : new Edition(decisionId, number - 1);
    }
}
