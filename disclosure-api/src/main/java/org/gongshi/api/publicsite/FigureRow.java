package org.gongshi.api.publicsite;

import org.gongshi.projections.stats.TargetFigures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** One target figure as the public statistics page shows it: its Chinese name, what it counts, the rate, the counts, the target. */
public record FigureRow(String name, String counts, String rate, String numerator, String denominator, String target) {

    /** The figures of DOMAIN.md in the order a reader asks about them: handling and closure, then disclosure. */
    static List<FigureRow> of(TargetFigures.Figures f) {
        return List.of(
                row("案件处理率", "决定期限在本年内、已作出处理或期限已届满的案件中，已作出处理（处罚决定、不予处罚、移送、撤销立案）的比例；期限未到且未处理的案件不计", f.handlingRate()),
                row("按期结案率", "本年内作出的处理中，在办案期限内（含依法延长、中止）完成的比例", f.onTimeClosure()),
                row("结收案比", "本年结案数与本年立案数之比", f.closureToFiling()),
                row("案件信息公示率", "本年作出的应当公示的行政处罚决定中已公示的比例（已公示、无法定事由不公示或20个工作日公示期限已届满的计入；涉及未成年人的不计；依法定事由不公示的不计；决定被变更后仍应公示的，重新公示作为一项决定自变更之日起计）", f.disclosureRate()),
                row("按时公示率", "与公示率同一范围的处罚决定中，在作出决定之日起20个工作日内公示的比例", f.disclosureOnTime()),
                row("“双公示”按时率", "应当公示的处罚决定中，在作出决定之日起7个工作日内公示的比例（已公示、无法定事由不公示或7个工作日期限已届满的计入，故可早于公示率计入）", f.doublePublicityOnTime()),
                row("按时撤回率", "处罚决定被变更、撤销或确认违法、无效后，在3个工作日内撤回公示的比例", f.withdrawalOnTime()));
    }

    private static FigureRow row(String name, String counts, TargetFigures.Rate rate) {
        String value = rate.value() == null ? "—" : rate.value().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP) + "%";
        return new FigureRow(name, counts, value, String.valueOf(rate.numerator()), String.valueOf(rate.denominator()), rate.target());
    }
}
