package org.gongshi.bench;

import org.gongshi.synthetic.SyntheticLedger;
import org.gongshi.synthetic.SyntheticLedger.CasePlan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Takes one planned case through the bureau API: 立案, 事先告知 (waived), 决定, 公示 (or withheld), and for some
 * a correction, a credit listing, execution and closure, and a revocation (which withdraws the record).
 * Each act is dated on its legal date, and the ledger records it on that day: the caller runs the acts of a
 * day only once the ledger's clock has reached it ({@link #acts}), because no legal date may lie after the
 * day it is recorded.
 */
final class Lifecycle {

    private final Api api;
    private final Latencies latencies;
    /** Called with the public record id and System.nanoTime() when a publish returned. */
    private final BiConsumer<String, Long> published;
    /** No command is sent after this System.nanoTime() instant (a timed phase ends mid-case). */
    private final long deadline;

    Lifecycle(Api api, Latencies latencies, BiConsumer<String, Long> published, long deadline) {
        this.api = api;
        this.latencies = latencies;
        this.published = published;
        this.deadline = deadline;
    }

    /** One act of a case, on its legal date; answers the number of commands accepted, or -1 to end the case there. */
    record Act(LocalDate on, Step step) {}

    interface Step {
        int run(Case c);
    }

    /** A case under way: its plan, and what the ledger answered so far. */
    static final class Case {
        final CasePlan plan;
        String caseId;
        String recordId;
        String listingId;
        /** An act the later ones depend on failed: the case goes no further. */
        boolean ended;

        Case(CasePlan plan) {
            this.plan = plan;
        }
    }

    /** Runs every act of the plan in order (the caller has set the ledger's clock so every date is legal); answers commands accepted. */
    int run(CasePlan plan) {
        Case c = new Case(plan);
        int accepted = 0;
        for (Act act : acts(plan)) {
            int n = act.step().run(c);
            if (n < 0) break;
            accepted += n;
        }
        return accepted;
    }

    /** The acts of the plan in date order; an act that fails ends the case where the next acts depend on it. */
    List<Act> acts(CasePlan c) {
        List<Act> acts = new ArrayList<>();
        acts.add(new Act(c.filedOn(), this::file));
        if (!c.decided()) return acts;
        if (c.penalty()) acts.add(new Act(c.noticeOn(), this::notice));
        acts.add(new Act(c.decidedOn(), this::decide));
        if (c.ordinary() && c.penalty()) acts.add(new Act(c.decidedOn(), this::disclose));
        if (c.correct()) acts.add(new Act(c.laterOn(1), k -> accepted(k, "/disclosure", map("action", "CORRECT",
                "reason", "更正事实描述中的笔误", "facts", c.facts() + "（已更正）"))));
        if (c.list()) {
            acts.add(new Act(c.listingProposedOn(), this::proposeListing));
            acts.add(new Act(c.listingDecidedOn(), this::decideListing));
        }
        if (c.execute()) {
            // received five days after the decision (a case closes only once its decision's receipt is recorded, Art 61), and
            // paid on the last day of the 15 CD that run from the day after
            acts.add(new Act(c.laterOn(5), k -> accepted(k, "/service", map("receivedOn", c.laterOn(5), "method", "直接送达"))));
            acts.add(new Act(c.laterOn(20), k -> accepted(k, "/execution", map("executedOn", c.laterOn(20), "paidAmount", c.fine(),
                    "method", "银行转账"))));
            acts.add(new Act(c.laterOn(30), k -> accepted(k, "/closure", map("closedOn", c.laterOn(30), "outcome", "罚款已缴清，结案"))));
        }
        if (c.revoke()) acts.add(new Act(c.laterOn(40), k -> accepted(k, "/revision", map("kind", "REVOKED", "by", "RECONSIDERATION",
                "documentNumber", "复议决定〔" + c.filedOn().getYear() + "〕" + c.index() + "号", "effectiveOn", c.laterOn(40),
                "reason", "复议机关认为事实不清，撤销原处罚决定"))));
        return acts;
    }

    private int file(Case k) {
        CasePlan c = k.plan;
        SyntheticLedger.Subject subject = c.subject();
        Map<String, Object> party = subject.uscc() != null
                ? map("kind", subject.kind().name(), "name", subject.name(), "uscc", subject.uscc(), "legalRepresentative", subject.representative())
                : map("kind", subject.kind().name(), "name", subject.name(), "idNumber", subject.idNumber());
        Api.Reply filed = command(token(c), "/api/v1/cases", map("filedOn", c.filedOn(), "ipType", c.ipType(),
                "violationType", c.violationType(), "procedure", c.ordinary() ? "ORDINARY" : "SIMPLE", "source", "日常检查",
                "party", party));
        if (filed == null) return -1;
        k.caseId = filed.field("caseId");
        return 1;
    }

    private int notice(Case k) {
        CasePlan c = k.plan;
        return command(token(c), path(k) + "/notices", map("servedOn", c.noticeOn(), "proposedPenalties", penalties(c),
                "hearingRightGranted", c.hearingRight(), "waived", true)) == null ? -1 : 1;
    }

    private int decide(Case k) {
        CasePlan c = k.plan;
        Api.Reply decided = command(token(c), path(k) + "/decisions", map("kind", c.penalty() ? "PENALTY" : "NO_PENALTY",
                "decisionNumber", c.decisionNumber(), "decidedOn", c.decidedOn(), "penalties", c.penalty() ? penalties(c) : List.of(),
                "legalBasis", c.legalBasis(), "facts", c.facts()));
        if (decided == null) return -1;
        k.recordId = decided.field("decisionId");
        return 1;
    }

    /** 公示 takes the recording day: the act runs on the decision day, and the record is public from then. */
    private int disclose(Case k) {
        CasePlan c = k.plan;
        Api.Reply disclosed = command(token(c), path(k) + "/disclosure", c.withhold()
                ? map("action", "WITHHOLD", "ground", "OTHER_LAW", "explanation", "法律、行政法规另有规定")
                : map("action", "PUBLISH"));
        if (disclosed == null) return -1;
        if (!c.withhold() && published != null) published.accept(k.recordId, System.nanoTime());
        return 1;
    }

    /** A severe-dishonesty listing proposed now and decided after the subject's statement window (both acts run on their days). */
    private int proposeListing(Case k) {
        CasePlan c = k.plan;
        Api.Reply proposed = command(token(c), "/api/v1/listings", map("listType", "SEVERE_DISHONESTY", "category", "REFUSAL_TO_PERFORM",
                "subject", Map.of("name", c.subject().name(), "uscc", c.subject().uscc()), "basisCaseIds", List.of(k.caseId),
                "reason", "拒不履行行政处罚决定", "proposedOn", c.listingProposedOn()));
        if (proposed == null) return 0;
        k.listingId = proposed.field("listingId");
        return 1;
    }

    private int decideListing(Case k) {
        if (k.listingId == null) return 0;
        return command(token(k.plan), "/api/v1/listings/" + k.listingId + "/decision", map("decidedOn", k.plan.listingDecidedOn(),
                "list", true, "measures", List.of(Map.of("type", "KEY_SUPERVISION")))) == null ? 0 : 1;
    }

    private int accepted(Case k, String suffix, Map<String, Object> body) {
        return command(token(k.plan), path(k) + suffix, body) == null ? 0 : 1;
    }

    private String token(CasePlan c) {
        return api.token(c.bureau().uscc(), c.bureau().division(), List.of("officer", "reviewer"));
    }

    private static String path(Case k) {
        return "/api/v1/cases/" + k.caseId;
    }

    private static List<Map<String, Object>> penalties(CasePlan c) {
        return List.of(Map.of("type", "FINE", "amount", c.fine()));
    }

    private Api.Reply command(String token, String path, Map<String, Object> body) {
        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) return null;
        return api.command(token, path, body, latencies);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            m.put((String) keyValues[i], v instanceof LocalDate d ? d.toString() : v);
        }
        return m;
    }
}
