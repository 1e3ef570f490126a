package org.gongshi.api.web;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.ledger.identity.Division;
import org.gongshi.projections.cases.CaseViews;
import org.gongshi.projections.stats.TargetFigures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public target figures (DOMAIN.md) of a division (prefix) for a calendar year: what
 * {@code GET /api/v1/public/stats} answers and the {@code /stats} page shows.
 */
public class PublicFigures {

    private final TargetFigures figures;
    private final Clock clock;

    public PublicFigures(TargetFigures targetFigures, Clock ledgerClock) {
        this.figures = targetFigures;
        this.clock = ledgerClock;
    }

    /** The year asked for, or the ledger's current year when none is. */
    /** The years the figures answer for (audit: year 0000 answered 200, 「0 年」). */
    public static final int FIRST_YEAR = 2000, LAST_YEAR = 2100;

    public int year(String value) {
        if (value == null || value.isBlank()) return LocalDate.now(clock).getYear();
        if (!value.strip().matches("\\d{4}")) throw InvalidRequest.of("year", "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR + ", like 2026");
        int year = Integer.parseInt(value.strip());
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw InvalidRequest.of("year", "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR + ", like 2026");
        }
        return year;
    }

    /** The figures of every case in {@code prefix} (null: everywhere) over {@code year}. */
    public TargetFigures.Figures of(Division prefix, int year) {
        return figures.of(new CaseViews.Scope(null, prefix), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The public answer: the disclosure and closure figures, nothing about single cases. */
    public static Map<String, Object> answer(Division prefix, int year, TargetFigures.Figures f) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("division", prefix == null ? null : prefix.code());
        body.put("year", year);
        body.put("disclosureRate", f.disclosureRate());
        body.put("disclosureOnTime", f.disclosureOnTime());
        body.put("doublePublicityOnTime", f.doublePublicityOnTime());
        body.put("withdrawalOnTime", f.withdrawalOnTime());
        body.put("handlingRate", f.handlingRate());
        body.put("onTimeClosure", f.onTimeClosure());
        body.put("closureToFiling", f.closureToFiling());
        return body;
    }
}
