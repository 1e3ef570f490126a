package org.gongshi.bench;

import org.gongshi.bench.SyntheticLedger.CasePlan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Takes one planned case through the bureau API: 立案, 事先告知 (waived), 决定, 公示 (or withheld), and for some
 * a correction, a revocation (which withdraws the record), execution and closure, and a credit listing.
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

    /** Runs the plan; answers the number of commands accepted. */
    int run(CasePlan c) {
        String token = api.token(c.bureau().uscc(), c.bureau().division(), List.of("officer", "reviewer"));
        Map<String, Object> party = Map.of("kind", "LEGAL_PERSON", "name", c.subject().name(), "uscc", c.subject().uscc(),
                "legalRepresentative", "张" + "伟芳敏静丽强磊军洋勇".charAt(c.index() % 10));
        Api.Reply filed = command(token, "/api/v1/cases", map("filedOn", c.filedOn(), "ipType", c.ipType(),
                "violationType", c.violationType(), "procedure", c.ordinary() ? "ORDINARY" : "SIMPLE", "source", "日常检查",
                "party", party, "authorityName", c.bureau().name()));
        if (filed == null) return 0;
        int accepted = 1;
        if (!c.decided()) return accepted;
        String path = "/api/v1/cases/" + filed.field("caseId");
        List<Map<String, Object>> penalties = List.of(Map.of("type", "FINE", "amount", c.fine()));
        if (c.penalty() && command(token, path + "/notices", map("servedOn", c.noticeOn(), "proposedPenalties", penalties,
                "hearingRightGranted", c.fine() >= 100_000, "waived", true)) == null) return accepted;
        accepted += c.penalty() ? 1 : 0;
        Api.Reply decided = command(token, path + "/decisions", map("kind", c.penalty() ? "PENALTY" : "NO_PENALTY",
                "decisionNumber", c.decisionNumber(), "decidedOn", c.decidedOn(), "penalties", c.penalty() ? penalties : List.of(),
                "legalBasis", c.legalBasis(), "facts", c.facts()));
        if (decided == null) return accepted;
        accepted++;
        String recordId = decided.field("decisionId");
        if (c.ordinary() && c.penalty()) {
            Api.Reply disclosed = command(token, path + "/disclosure", c.withhold()
                    ? map("action", "WITHHOLD", "ground", "OTHER_LAW：法律、行政法规另有规定")
                    : map("action", "PUBLISH"));
            if (disclosed == null) return accepted;
            accepted++;
            if (!c.withhold() && published != null) published.accept(recordId, System.nanoTime());
        }
        if (c.correct() && command(token, path + "/disclosure", map("action", "CORRECT", "reason", "更正事实描述中的笔误",
                "facts", c.facts() + "（已更正）")) != null) accepted++;
        if (c.list()) accepted += listing(token, c, filed.field("caseId"));
        if (c.execute()) {
            if (command(token, path + "/execution", map("executedOn", c.laterOn(20), "paidAmount", c.fine(), "method", "银行转账")) != null) accepted++;
            if (command(token, path + "/closure", map("closedOn", c.laterOn(30), "outcome", "罚款已缴清，结案")) != null) accepted++;
        }
        if (c.revoke() && command(token, path + "/revision", map("kind", "REVOKED", "by", "RECONSIDERATION",
                "documentNumber", "复议决定〔" + c.filedOn().getYear() + "〕" + c.index() + "号", "effectiveOn", c.laterOn(40),
                "reason", "复议机关认为事实不清，撤销原处罚决定")) != null) accepted++;
        return accepted;
    }

    private int listing(String token, CasePlan c, String caseId) {
        Api.Reply proposed = command(token, "/api/v1/listings", map("listType", "SEVERE_DISHONESTY", "category", "REFUSAL_TO_PERFORM",
                "subject", Map.of("name", c.subject().name(), "uscc", c.subject().uscc()), "basisCaseIds", List.of(caseId),
                "reason", "拒不履行行政处罚决定", "proposedOn", c.laterOn(2)));
        if (proposed == null) return 0;
        return 1 + (command(token, "/api/v1/listings/" + proposed.field("listingId") + "/decision", map("decidedOn", c.laterOn(16),
                "list", true, "measures", List.of(Map.of("type", "KEY_SUPERVISION")))) == null ? 0 : 1);
    }

    private Api.Reply command(String token, String path, Map<String, Object> body) {
        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) return null;
        return api.command(token, path, body, latencies);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            m.put((String) keyValues[i], v instanceof java.time.LocalDate d ? d.toString() : v);
        }
        return m;
    }
}
