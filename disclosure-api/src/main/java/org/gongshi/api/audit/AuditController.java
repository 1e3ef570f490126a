package org.gongshi.api.audit;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.security.Caller;
import org.gongshi.api.web.Page;
import org.gongshi.api.web.Params;
import org.gongshi.api.web.TransparencyLog;
import org.gongshi.api.web.ViewReads;
import org.gongshi.api.web.WitnessKeys;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.projections.ledger.LedgerTree;
import org.gongshi.projections.ledger.LedgerTreeProjection;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import org.gongshi.ledger.calendar.LedgerClock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The audit API (API.md, "Reads for bureaus, supervisors and auditors"): a case's history and its
 * state at any instant (auditors and supervisors, their division and below), and the event ledger's
 * Merkle tree, heads, checkpoint and proofs (public: leaves carry no personal data in clear).
 */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private static final String[] VIEWS = {CaseViewProjection.PROCESSING_GROUP, LedgerTreeProjection.PROCESSING_GROUP};

    private final CaseHistories histories;
    private final ViewReads reads;
    private final TransparencyLog ledger;
    private final WitnessKeys witnesses;
    private final LedgerClock clock;

    public AuditController(CaseHistories histories, ViewReads reads, LedgerTree ledgerTree, WitnessKeys witnessKeys, LedgerClock ledgerClock) {
        this.histories = histories;
        this.clock = ledgerClock;
        this.witnesses = witnessKeys;
        this.reads = reads;
        this.ledger = new TransparencyLog(ledgerTree.leaves(), ledgerTree.proofs(), ledgerTree.heads(), "events");
    }

    /**
     * A case's history as every list answers (API.md): {@code {"items": [...], "page", "size", "total", "caseId"}}, the
     * events in ledger order. Without {@code size} a page holds {@value Page#MAX_SIZE} events, a whole history for any case
     * but one revised and corrected many times: {@code total} says when there are more pages.
     */
    @GetMapping("/cases/{caseId}/events")
    Mono<Map<String, Object>> events(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId, ServerHttpRequest request,
                                     @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Params.id("caseId", caseId);
        Page.Request paging = Page.request(page, size, Page.MAX_SIZE);
        Caller caller = Caller.of(jwt);
        return reads.read(request, () -> {
            histories.audited(caller, caseId);
            return Page.slice(histories.events(caseId), histories::present, paging).with("caseId", caseId);
        }, VIEWS);
    }

    @GetMapping("/cases/{caseId}/state")
    Mono<Map<String, Object>> state(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId, @RequestParam(required = false) String asOf,
                                    ServerHttpRequest request) {
        Params.id("caseId", caseId);
        Caller caller = Caller.of(jwt);
        Instant at = instant(asOf);
        Instant now = clock.instant();
        // the ledger knows a case only up to its clock (audit: a future instant was answered overdue with no deadline missed)
        if (at.isAfter(now)) {
            throw InvalidRequest.of("asOf", "is after the ledger's clock (" + now + "): a case is known as it stood up to now, not later");
        }
        return reads.read(request, () -> {
            histories.audited(caller, caseId);
            return histories.asOf(caseId, at);
        }, VIEWS);
    }

    /** A date-time whose offset's '+' became a space, as an unencoded '+' in a query string does. */
    private static final java.util.regex.Pattern OFFSET_AS_SPACE = java.util.regex.Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T[0-9:.]+) (\\d{2}:?\\d{2})$");

    private static final java.util.regex.Pattern FOUR_DIGIT_YEAR = java.util.regex.Pattern.compile("\\d{4}-");
    private static final String AS_OF = "must be an instant like 2026-03-10T08:00:00Z or 2026-03-10T16:00:00+08:00 (in a URL, + as %2B)";

    /** {@code asOf}: an ISO-8601 instant ({@code 2026-03-10T08:00:00Z}) or date-time with offset; required. */
    private static final java.util.regex.Pattern LEAP_SECOND = java.util.regex.Pattern.compile("T\\d{2}:\\d{2}:60");

    static Instant instant(String asOf) {
        if (asOf == null || asOf.isBlank()) throw InvalidRequest.of("asOf", "is required: an instant like 2026-03-10T08:00:00Z");
        String value = asOf.strip();
        if (value.length() > 64) throw InvalidRequest.of("asOf", "must be an instant like 2026-03-10T08:00:00Z");
        // a '+' of an offset sent unencoded in a query string arrives as a space (audit: 16:00:00+08:00 was refused)
        value = OFFSET_AS_SPACE.matcher(value).replaceFirst("$1+$2");
        // a year of four digits, as every date a request sends: ISO's expanded years (+10000-…) name no act of the ledger
        if (!FOUR_DIGIT_YEAR.matcher(value).lookingAt()) throw InvalidRequest.of("asOf", AS_OF);
        // java.time reads a leap second as the second before it: 23:59:60 answered as 23:59:59, on a day that had none (an
        // auditor's sweep, stop 85); the ledger's clock, as java.time's, counts no leap seconds, so none is an instant of it
        if (LEAP_SECOND.matcher(value).find()) {
            throw InvalidRequest.of("asOf", "names a leap second (:60), which no act of the ledger bears: its clock counts none; send :59");
        }
        // nor the hour 24, read as the next day's 00:00 where the page refuses it (a re-test from outside, stop 85)
        if (value.contains("T24:")) throw InvalidRequest.of("asOf", "names the hour 24: send 00:00 of the next day");
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                throw InvalidRequest.of("asOf", AS_OF);
            }
        }
    }

    @GetMapping("/ledger/tree-head")
    Mono<Map<String, Object>> treeHead(ServerHttpRequest request) {
        return reads.await(request, LedgerTreeProjection.PROCESSING_GROUP).then(Mono.defer(ledger::treeHead));
    }

    @GetMapping("/ledger/tree-heads")
    Mono<Map<String, Object>> treeHeads(ServerHttpRequest request, @RequestParam(defaultValue = "-1") String after,
                                        @RequestParam(defaultValue = "100") String limit) {
        return reads.await(request, LedgerTreeProjection.PROCESSING_GROUP).then(Mono.defer(() -> ledger.treeHeads(after, limit)));
    }

    @GetMapping(path = "/ledger/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    Mono<String> checkpoint(ServerHttpRequest request) {
        return reads.await(request, LedgerTreeProjection.PROCESSING_GROUP).then(Mono.defer(ledger::checkpoint));
    }

    @GetMapping(path = "/ledger/checkpoint/cosigned", produces = MediaType.TEXT_PLAIN_VALUE)
    Mono<String> cosigned(@org.springframework.web.bind.annotation.RequestParam(required = false) String witness) {
        return ledger.cosigned(witness);
    }

    /** A witness hands in its cosignature of a ledger checkpoint (C2SP tlog-cosignature). */
    @PostMapping(path = "/ledger/checkpoint/cosignatures", consumes = MediaType.TEXT_PLAIN_VALUE)
    Mono<Map<String, Object>> cosign(@RequestBody String note) {
        return ledger.cosign(note, witnesses.witnesses());
    }

    @GetMapping("/ledger/proofs/inclusion")
    Mono<Map<String, Object>> inclusion(@RequestParam String index, @RequestParam(required = false) String treeSize) {
        return ledger.inclusion(index, treeSize);
    }

    @GetMapping("/ledger/proofs/consistency")
    Mono<Map<String, Object>> consistency(@RequestParam String first, @RequestParam(required = false) String second) {
        return ledger.consistency(first, second);
    }
}
