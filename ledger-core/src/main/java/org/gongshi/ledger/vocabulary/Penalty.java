package org.gongshi.ledger.vocabulary;

import org.gongshi.ledger.privacy.PersonalData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One penalty of a notice or decision: {@code amount} in yuan for monetary types, and for a
 * suspension or restriction the date its term ends ({@code until}), which can keep a record public
 * longer than 3 years (Order 45 Art 13).
 */
public record Penalty(PenaltyType type, BigDecimal amount, @PersonalData(ifSubjectIsNaturalPerson = true) String description, LocalDate until) {

    public Penalty(PenaltyType type, BigDecimal amount, String description) {
        this(type, amount, description, null);
    }

    public static BigDecimal total(List<Penalty> penalties, PenaltyType type) {
        return penalties.stream().filter(p -> p.type() == type && p.amount() != null)
                .map(Penalty::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static Optional<Penalty> ofType(List<Penalty> penalties, PenaltyType type) {
        return penalties.stream().filter(p -> p.type() == type).findFirst();
    }
}
