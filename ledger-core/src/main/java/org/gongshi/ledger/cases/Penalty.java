package org.gongshi.ledger.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** One penalty of a notice or decision; {@code amount} in yuan for monetary types. */
public record Penalty(PenaltyType type, BigDecimal amount, String description) {

    public static BigDecimal total(List<Penalty> penalties, PenaltyType type) {
        return penalties.stream().filter(p -> p.type() == type && p.amount() != null)
                .map(Penalty::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static Optional<Penalty> ofType(List<Penalty> penalties, PenaltyType type) {
        return penalties.stream().filter(p -> p.type() == type).findFirst();
    }
}
