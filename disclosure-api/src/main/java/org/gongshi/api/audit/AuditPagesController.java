package org.gongshi.api.audit;

import org.gongshi.ledger.cases.CaseStatus;
import org.gongshi.api.problem.Forbidden;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.NotFound;
import org.gongshi.api.security.AuditNext;
import org.gongshi.api.security.Caller;
import org.gongshi.api.web.ViewReads;
import org.gongshi.projections.ledger.StoredEvents;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The auditor's case history page (zh-CN, server-rendered like the public pages): a timeline of the
 * case's legal acts with who did them and their place in the ledger tree, what the public saw after
 * each, and the deadlines with whether each was met. Authenticated: the bearer token, or the cookie
 * {@value #COOKIE} that {@code /audit/login} sets; auditors and supervisors of the case's division.
 */
@Controller
public class AuditPagesController {

    /** The cookie that carries an auditor's token to the audit pages (HttpOnly, SameSite=Strict, path /audit). */
    public static final String COOKIE = org.gongshi.api.security.SecurityConfiguration.AUDIT_COOKIE;
    /** The ledger's days and the page's times are Beijing time (DESIGN.md, Time). */
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);

    static final Map<String, String> ACTS = Map.ofEntries(
            Map.entry("CaseFiled", "立案"), Map.entry("DecisionDeadlineExtended", "延期"), Map.entry("CaseClockPaused", "中止计时"),
            Map.entry("CaseClockResumed", "恢复计时"), Map.entry("PenaltyNoticeServed", "事先告知"), Map.entry("StatementRecorded", "陈述申辩"),
            Map.entry("HearingRequested", "申请听证"), Map.entry("HearingConcluded", "听证"), Map.entry("PenaltyDecided", "作出处罚决定"),
            Map.entry("NoPenaltyDecided", "不予处罚"), Map.entry("DecisionNumberTaken", "决定书文号编定"),
            Map.entry("CaseTransferredToJudiciary", "移送司法机关"),
            Map.entry("PenaltyExecuted", "执行"), Map.entry("CaseClosed", "结案"), Map.entry("DecisionRevised", "决定变更/撤销"),
            Map.entry("DisclosureDecided", "公示决定"), Map.entry("DisclosureCorrected", "公示更正"), Map.entry("DisclosureWithdrawn", "撤回公示"),
            Map.entry("DisclosureExpired", "公示期满"), Map.entry("PublicationTerminated", "信用修复停止公示"),
            Map.entry("ListingProposed", "告知拟列入"), Map.entry("ListingAdded", "列入名单"), Map.entry("ListingNotAdded", "不予列入"),
            Map.entry("ListingRemoved", "移出名单"), Map.entry("SanctionImposed", "实施惩戒"), Map.entry("SanctionLifted", "解除惩戒"),
            Map.entry("ListingStatementRecorded", "列入陈述申辩"), Map.entry("ListingRepairApplied", "申请信用修复"),
            Map.entry("ListingRepairGranted", "准予信用修复"), Map.entry("ListingRepairRefused", "不予信用修复"),
            Map.entry("ListingFlaggedForRemoval", "列入依据不再成立"),
            Map.entry("CaseDismissed", "撤销立案"), Map.entry("DecisionServed", "送达处罚决定书"), Map.entry("HearingScheduled", "听证通知"),
            Map.entry("ChallengeFiled", "申请复议/提起诉讼"), Map.entry("ChallengeEnded", "复议/诉讼终结"),
            Map.entry("TransferDeadlines", "移送审批与送交期限"), Map.entry("TransferReturned", "司法机关不予立案退回"),
            Map.entry("CrimeSuspected", "涉嫌犯罪"), Map.entry("TransferApproved", "批准移送"), Map.entry("TransferNotApproved", "不予批准移送"),
            Map.entry("SubjectShredded", "个人信息销毁（密钥删除）"),
            // the deadline mechanism's events: a missed deadline is recorded by the ledger on its clock
            Map.entry("DecisionDeadlineMissed", "处罚决定期限届满未决定"), Map.entry("DisclosureDeadlineMissed", "公示期限（20个工作日）届满未公示"),
            Map.entry("DoublePublicityDeadlineMissed", "双公示期限（7个工作日）届满未公示"),
            Map.entry("WithdrawalDeadlineMissed", "撤回公示期限届满未撤回"),
            Map.entry("TransferDeadlineMissed", "移送审批或送交期限届满未办理"),
            // the ledger's own record that one subject holds one entry of a list at a time (an auditor's sweep, stop 85: shown as
            // class names)
            Map.entry("ListEntrySlotOccupied", "名单位次占用（同一主体在同一名单仅一条有效列入）"), Map.entry("ListEntrySlotVacated", "名单位次释放"));

    /**
     * The system identities that record acts of their own (no bureau acts for them), in words; a bureau's officer is shown by
     * the token's subject, with the bureau below.
     */
    static final Map<String, String> SYSTEM_ACTORS = Map.of(org.gongshi.ledger.policy.Recording.DEADLINES, "系统（期限届满自动记录）",
            org.gongshi.ledger.policy.Recording.LISTING_BASIS_WATCH, "系统（列入依据监测）");

    /** A date and time as the page's form gives it (datetime-local, Beijing time). */
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(BEIJING);

    /** {@code asOf} from the page's form (2026-03-10T16:00, Beijing time) or as the API takes it (an instant); not after {@code now}. */
    static Instant pageInstant(String asOf, Instant now) {
        String value = asOf.strip();
        Instant at;
        if (value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?")) {
            try {
                at = LocalDateTime.parse(value).atZone(BEIJING).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw InvalidRequest.of("asOf", "应为有效的日期和时间，如 2026-03-10T16:00（北京时间）");
            }
        } else {
            try {
                at = AuditController.instant(value);
            } catch (InvalidRequest e) {
                throw InvalidRequest.of("asOf", "应为日期和时间，如 2026-03-10T16:00（北京时间）");
            }
        }
        if (at.isAfter(now)) throw InvalidRequest.of("asOf", "晚于账本时钟（" + TIME.format(now) + "）：案件只能查看到当前为止的状态");
        return at;
    }

    /** Where the case stands, in words (an auditor's sweep: the page showed PENALTY_DECIDED). */
    static final Map<CaseStatus, String> STATUS = Map.of(CaseStatus.FILED, "已立案", CaseStatus.NOTICE_SERVED, "已事先告知",
            CaseStatus.PENALTY_DECIDED, "已作出处罚决定", CaseStatus.NO_PENALTY_DECIDED, "不予处罚", CaseStatus.TRANSFERRED, "已移送司法机关",
            CaseStatus.DISMISSED, "已撤销立案", CaseStatus.EXECUTED, "已执行", CaseStatus.CLOSED, "已结案");

    /** The deadlines the ledger records as missed, by kind. */
    static final Map<String, String> MISSED = Map.of("DECISION", "作出处罚决定期限", "DISCLOSURE", "公示期限（20个工作日）",
            "DOUBLE_PUBLICITY", "双公示期限（7个工作日）", "WITHDRAWAL", "撤回公示期限", "TRANSFER_APPROVAL", "移送审批期限（3日）",
            "TRANSFER_SENDING", "移送送交期限（24小时）");

    private final CaseHistories histories;
    private final Clock ledgerClock;
    /** The bearer tokens' decoder: a sign-in keeps only a token that verifies, and the form says whether the browser holds one. */
    private final org.springframework.security.oauth2.jwt.ReactiveJwtDecoder tokens;

    public AuditPagesController(CaseHistories histories, Clock ledgerClock, org.springframework.security.oauth2.jwt.ReactiveJwtDecoder tokens) {
        this.histories = histories;
        this.ledgerClock = ledgerClock;
        this.tokens = tokens;
    }

    /** Whether {@code token} verifies (signature, lifetime, issuer): the role and division are checked on each page. */
    private Mono<Boolean> verifies(String token) {
        if (token == null || token.isBlank() || token.length() > 8192) return Mono.just(false);
        return tokens.decode(token.strip()).map(jwt -> true).onErrorReturn(false);
    }

    /** A form to enter an auditor's token (posted, never in a URL: it would be logged, and no query parameter is that long). */
    @GetMapping("/audit/login")
    Mono<Rendering> loginForm(ServerWebExchange exchange, @RequestParam(required = false) String next, @RequestParam(required = false) String rejected,
                              @RequestParam(required = false) String signedOut) {
        // signed in: the browser holds a token that verifies (a re-test, stop 78: a flag in the URL said so without one)
        HttpCookie held = exchange.getRequest().getCookies().getFirst(COOKIE);
        return verifies(held == null ? null : held.getValue()).map(signedIn -> {
            Rendering.Builder<?> form = Rendering.view("audit-login").modelAttribute("next", safeNext(next))
                    .modelAttribute("signedIn", signedIn && !"true".equals(rejected));
            if ("true".equals(signedOut) && !signedIn) form.modelAttribute("notice", "已退出登录，令牌已从本浏览器清除。");
            if ("true".equals(rejected)) form.modelAttribute("error", "令牌无效或已过期（签名不符、已过有效期或非本系统签发），请粘贴有效的令牌。");
            return form.build();
        });
    }

    /** Keeps the token in the audit cookie and goes on to {@code next} (an /audit/ page). */
    @PostMapping("/audit/login")
    Mono<Void> login(ServerWebExchange exchange) {
        // a page of another site may not sign a browser in (with its own token, to see what the auditor then enters: login
        // CSRF; a sweep from outside, stop 77): a browser names the page's origin, which must be this one's. The form is read
        // first: refused before, its body stayed in the connection, which the server could then reset under the answer (an
        // end-to-end test met "Connection reset by peer" once under load, stop 85)
        return exchange.getFormData().flatMap(form -> {
            requireThisSite(exchange, "The audit sign-in takes a token from this site's own form only");
            String token = form.getFirst("token");
            String caseId = form.getFirst("caseId");
            // a case named on the form is where to go; else the page the auditor came from (a fuzz from outside, stop 78: after
            // a sign-in without one the form came back empty, with no word that it had worked)
            String next = caseId != null && CASE_ID.matcher(caseId.strip()).matches() ? "/audit/cases/" + caseId.strip() : form.getFirst("next");
            return signIn(exchange, token, next);
        });
    }

    private Mono<Void> signIn(ServerWebExchange exchange, String token, String next) {
        if (token == null || token.isBlank() || token.length() > 8192) {
            // signed in already (the cookie is sent to /audit), a case named: go to it; else the form, saying what is missing
            HttpCookie held = exchange.getRequest().getCookies().getFirst(COOKIE);
            return verifies(held == null ? null : held.getValue()).flatMap(signed -> {
                boolean toCase = !safeNext(next).equals("/audit/login");
                exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
                exchange.getResponse().getHeaders().setLocation(signed ? URI.create(toCase ? safeNext(next) : "/audit/login") : rejectedForm(next));
                return exchange.getResponse().setComplete();
            });
        }
        if (!JWT_CHARACTERS.matcher(token.strip()).matches()) {
            // no token has such characters (a space, ';', '"', ',' or a backslash cannot go in a cookie: a sweep from outside met a 500):
            // the form again, saying the token is not valid
            exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
            exchange.getResponse().getHeaders().setLocation(rejectedForm(next));
            return exchange.getResponse().setComplete();
        }
        return verifies(token).flatMap(verified -> {
            exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
            if (!verified) { // never kept (a re-test, stop 78: any token was, and the form then said 已登录)
                exchange.getResponse().getHeaders().setLocation(rejectedForm(next));
                return exchange.getResponse().setComplete();
            }
            // Secure whenever the page came over TLS (behind a proxy: with Boot's server.forward-headers-strategy), so the token never
            // travels over plain HTTP again (outside audit); on a loopback rig without TLS the browser would drop a Secure cookie
            exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, token.strip()).httpOnly(true).sameSite("Strict").path("/audit")
                    .secure("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())).maxAge(Duration.ofHours(8)).build());
            exchange.getResponse().getHeaders().setLocation(URI.create(safeNext(next)));
            return exchange.getResponse().setComplete();
        });
    }

    /**
     * Signs the browser out of the audit pages: the cookie holding the auditor's token is cleared (a security sweep from
     * outside, stop 79: a session of eight hours on a shared workstation had no end but the browser's), then the sign-in form,
     * saying so. Only from this site's own pages, as signing in.
     */
    @PostMapping("/audit/logout")
    Mono<Void> logout(ServerWebExchange exchange) {
        // the form read first, as the sign-in's: a refusal answered before its body was read left it in the connection, which
        // the server then reset (one "Connection reset by peer" under load, stop 85)
        return exchange.getFormData().then(Mono.defer(() -> signOut(exchange)));
    }

    private Mono<Void> signOut(ServerWebExchange exchange) {
        requireThisSite(exchange, "The audit sign-out is made from this site's own pages only");
        exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, "").httpOnly(true).sameSite("Strict").path("/audit")
                .secure("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())).maxAge(Duration.ZERO).build());
        exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
        exchange.getResponse().getHeaders().setLocation(URI.create("/audit/login?signedOut=true"));
        return exchange.getResponse().setComplete();
    }

    /** The audit area's own address, or a sign-out link followed: the sign-in form, which offers the sign-out when signed in. */
    @GetMapping({"/audit", "/audit/", "/audit/logout"})
    Mono<Void> toSignIn(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
        exchange.getResponse().getHeaders().setLocation(URI.create("/audit/login"));
        return exchange.getResponse().setComplete();
    }

    /** 403 for a form a page of another site posted: a browser names the page's origin, which must be this one's. */
    private static void requireThisSite(ServerWebExchange exchange, String rule) {
        String origin = exchange.getRequest().getHeaders().getOrigin();
        if (origin != null && !sameSite(origin, exchange.getRequest())) {
            throw new org.gongshi.api.problem.Forbidden(rule + ", not from a page of " + origin);
        }
    }

    /** The form again, saying the token is not valid, leading to {@code next} once one is given. */
    private static URI rejectedForm(String next) {
        return URI.create("/audit/login?rejected=true" + (safeNext(next).equals("/audit/login") ? "" : "&next=" + AuditNext.parameter(safeNext(next))));
    }

    /**
     * Whether the origin a browser sent is this site's: its host, and its port where the request names one (a proxy that
     * passes the host without its port, as compose's nginx does, leaves the port unknown here). Another port of the same host
     * is another site (a re-test from outside, stop 77: http://localhost:1 signed in).
     */
    private static boolean sameSite(String origin, org.springframework.http.server.reactive.ServerHttpRequest request) {
        try {
            URI from = URI.create(origin.strip());
            URI to = request.getURI();
            if (from.getHost() == null || to.getHost() == null || !from.getHost().equalsIgnoreCase(to.getHost())) return false;
            String host = request.getHeaders().getFirst(org.springframework.http.HttpHeaders.HOST);
            boolean portNamed = host != null && host.strip().matches(".*:\\d+");
            return !portNamed || port(from) == port(to);
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** What a signed token is written in: its three parts in base64url, joined by dots. */
    private static final java.util.regex.Pattern JWT_CHARACTERS = java.util.regex.Pattern.compile("[A-Za-z0-9_\\-.=+/]+");

    private static final java.util.regex.Pattern CASE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** Where the login form leads ({@link AuditNext#safe}). */
    private static String safeNext(String next) {
        return AuditNext.safe(next);
    }

    /**
     * The case's history, and the case as it stood at {@code asOf} (an instant, or a date and time in Beijing time as the
     * page's form sends it) with the acts recorded up to then: an auditor's sweep found {@code ?asOf=} ignored here and the
     * API's state, which a browser cannot send a token to, the only way to it.
     */
    @GetMapping("/audit/cases/{caseId}")
    Mono<Rendering> history(@AuthenticationPrincipal Jwt jwt, @PathVariable String caseId, @RequestParam(required = false) String asOf) {
        Caller caller = Caller.of(jwt);
        Instant now = ledgerClock.instant();
        final Instant at;
        try {
            at = asOf == null || asOf.isBlank() ? null : pageInstant(asOf, now);
        } catch (InvalidRequest invalid) {
            // the form again with what to fix, nothing of the case (its reader is not yet checked)
            return Mono.just(Rendering.view("audit-case").modelAttribute("caseId", caseId).modelAttribute("steps", List.of())
                    .modelAttribute("deadlines", List.of()).modelAttribute("asOf", asOf.length() > 64 ? asOf.substring(0, 64) : asOf)
                    .modelAttribute("error", "查询时点有误：" + invalid.errors().get(0).message()).status(HttpStatus.BAD_REQUEST).build());
        }
        return ViewReads.blocking(() -> {
            try {
                histories.audited(caller, caseId);
            } catch (NotFound e) {
                return Rendering.view("not-found").modelAttribute("what", "案件 " + caseId).status(HttpStatus.NOT_FOUND).build();
            } catch (Forbidden e) {
                // the form again, saying why, for another token (an auditor's sweep: a "not found" page, with no word of the role)
                return Rendering.view("audit-login").modelAttribute("next", safeNext("/audit/cases/" + caseId + (asOf == null ? "" : "?asOf=" + asOf)))
                        .modelAttribute("error", "此令牌无权查看案件 " + caseId + "：审计历史须由审计或监督角色查看，且案件须在令牌所属行政区划内。"
                                + "请粘贴有权查看的令牌。").status(HttpStatus.FORBIDDEN).build();
            }
            List<Map<String, Object>> steps = new ArrayList<>();
            Map<String, Object> last = null;
            for (CaseHistories.AuditedEvent event : histories.events(caseId)) {
                Instant recordedAt = StoredEvents.recording(event.message()).recordedAt();
                if (at != null && recordedAt.isAfter(at)) break;
                Map<String, Object> e = histories.present(event);
                Map<String, Object> state = event.message().getAggregateIdentifier().equals(caseId) ? histories.asOf(caseId, recordedAt) : last;
                last = state;
                Map<String, Object> step = new LinkedHashMap<>(e);
                step.put("act", ACTS.getOrDefault(event.message().getPayloadType().getSimpleName(), event.message().getPayloadType().getSimpleName()));
                if (e.get("actor") instanceof String actor && SYSTEM_ACTORS.containsKey(actor)) step.put("actor", SYSTEM_ACTORS.get(actor));
                step.put("time", TIME.format(recordedAt));
                step.put("publicSaw", publicSaw(state));
                steps.add(step);
            }
            Rendering.Builder<?> page = Rendering.view("audit-case").modelAttribute("caseId", caseId).modelAttribute("steps", steps)
                    .modelAttribute("asOf", at == null ? "" : LOCAL_INPUT.format(at))
                    .modelAttribute("asOfTime", at == null ? null : TIME.format(at));
            Map<String, Object> then;
            try {
                then = histories.asOf(caseId, at == null ? now : at);
            } catch (NotFound notYetFiled) {
                return page.modelAttribute("notYetFiled", true).modelAttribute("deadlines", List.of()).build();
            }
            LocalDate day = (at == null ? now : at).atZone(BEIJING).toLocalDate();
            return page.modelAttribute("deadlines", deadlines(then, day)).modelAttribute("caseNow", then.get("case"))
                    .modelAttribute("caseStatus", status(then)).modelAttribute("partyName", partyName(then))
                    .modelAttribute("publicSaw", publicSaw(then)).build();
        });
    }

    /** The party's name as the case stood, in words once it was shredded (an auditor's sweep, stop 85: "shredded" stood there). */
    @SuppressWarnings("unchecked")
    static String partyName(Map<String, Object> state) {
        Object party = state.get("case") instanceof Map<?, ?> c ? ((Map<String, Object>) c).get("party") : null;
        Object name = party instanceof Map<?, ?> p ? p.get("name") : null;
        if (name == null) return "";
        return org.gongshi.ledger.privacy.PersonalData.SHREDDED.equals(name) ? "（个人信息已销毁）" : String.valueOf(name);
    }

    /** The case's status as it stands, in words. */
    @SuppressWarnings("unchecked")
    private static String status(Map<String, Object> state) {
        Object status = state.get("case") instanceof Map<?, ?> c ? ((Map<String, Object>) c).get("status") : null;
        if (status == null) return "";
        try {
            return STATUS.get(CaseStatus.valueOf(String.valueOf(status)));
        } catch (IllegalArgumentException unknown) {
            return String.valueOf(status);
        }
    }

    /** What the public API answered after a step: the record's status in words. */
    @SuppressWarnings("unchecked")
    private static String publicSaw(Map<String, Object> state) {
        if (state == null) return "—";
        Map<String, Object> record = (Map<String, Object>) state.get("publicRecord");
        int status = (Integer) record.get("status");
        List<?> versions = (List<?>) record.get("versions");
        return switch (status) {
            case 200 -> "公示中" + (versions.size() > 1 ? "（第 " + versions.size() + " 版）" : "");
            case 410 -> "已停止公示（410）";
            default -> "未公示";
        };
    }

    /** The deadlines of the case as it stands, each with its due day, the act that answered it and whether it was met. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> deadlines(Map<String, Object> state, LocalDate day) {
        Map<String, Object> c = (Map<String, Object>) state.get("case");
        List<Map<String, Object>> rows = new ArrayList<>();
        add(rows, "作出处罚决定期限", c.get("decisionDeadline"), day);
        Map<String, Object> notice = (Map<String, Object>) c.get("notice");
        // the party's right, no one's duty: a window that ran out unused, or one the party waived, is no deadline missed (an
        // auditor's sweep, stop 79: 已届满，未履行 read as the bureau's failure, and a waived window as still running)
        if (notice != null) add(rows, "听证申请期限", notice.get("hearingRequestDeadline"), day,
                Boolean.TRUE.equals(notice.get("rightsWaived")) ? "当事人已放弃" : "已届满，当事人未申请", Boolean.TRUE.equals(notice.get("rightsWaived")));
        Map<String, Object> decision = (Map<String, Object>) c.get("decision");
        if (decision != null) add(rows, "罚款缴纳期限", decision.get("paymentDeadline"), day);
        Map<String, Object> disclosure = (Map<String, Object>) c.get("disclosure");
        // a suspected crime's transfer: the head's decision, then the sending (a sweep from outside, stop 88: only a miss showed,
        // under its code), as the suspicion and the transfer answered them
        Map<String, Object> suspicion = (Map<String, Object>) c.get("crimeSuspicion");
        Map<String, Object> transfer = (Map<String, Object>) c.get("transfer");
        Object approval = suspicion != null ? suspicion.get("approvalDeadline") : transfer != null ? transfer.get("approvalDeadline") : null;
        Object sending = suspicion != null && suspicion.get("sendingDeadline") != null ? suspicion.get("sendingDeadline")
                : transfer != null ? transfer.get("sendingDeadline") : null;
        if (approval != null) add(rows, MISSED.get("TRANSFER_APPROVAL"), approval, day);
        if (sending != null) add(rows, MISSED.get("TRANSFER_SENDING"), sending, day);
        if (disclosure != null) {
            add(rows, "公示期限（20个工作日）", disclosure.get("deadline"), day);
            add(rows, "双公示期限（7个工作日）", disclosure.get("doublePublicityDeadline"), day);
            add(rows, "撤回公示期限", disclosure.get("withdrawalDeadline"), day);
        }
        // what the ledger recorded as missed on its clock (the deadline mechanism's events)
        if (c.get("missedDeadlines") instanceof List<?> missed) {
            for (Object m : missed) {
                Map<String, Object> d = (Map<String, Object>) m;
                String name = MISSED.getOrDefault(String.valueOf(d.get("kind")), String.valueOf(d.get("kind")));
                String recorded = "逾期（账本于 " + d.get("recordedOn") + " 记录）";
                // said on the deadline's own row where it is shown above (a re-test from outside, stop 85: one missed decision
                // deadline stood twice, 已届满，未履行 and 逾期…); a row of its own where it is not (a provisional day moved since)
                Optional<Map<String, Object>> shown = rows.stream()
                        .filter(r -> name.equals(r.get("name")) && String.valueOf(d.get("dueOn")).equals(String.valueOf(r.get("dueOn")))).findFirst();
                if (shown.isPresent()) {
                    String verdict = String.valueOf(shown.get().get("verdict"));
                    shown.get().put("verdict", verdict.equals("已届满，未履行") ? recorded : verdict + "；账本于 " + d.get("recordedOn") + " 记录其逾期");
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", name);
                row.put("dueOn", d.get("dueOn"));
                row.put("satisfiedOn", null);
                row.put("verdict", recorded);
                rows.add(row);
            }
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    /**
     * A deadline's row as it stood on {@code day}: one not answered is "not yet due" up to its day and "passed" after it (a
     * sweep from outside: a hearing window that ran out in February read "not yet due or not answered" in October).
     */
    private static void add(List<Map<String, Object>> rows, String name, Object deadline, LocalDate day) {
        add(rows, name, deadline, day, "已届满，未履行", false);
    }

    /** As {@link #add(List, String, Object, LocalDate)}, an unanswered deadline read {@code unanswered} once passed, or at once when {@code ended}. */
    private static void add(List<Map<String, Object>> rows, String name, Object deadline, LocalDate day, String unanswered, boolean ended) {
        if (!(deadline instanceof Map<?, ?> d)) return;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("dueOn", d.get("dueOn"));
        row.put("satisfiedOn", d.get("satisfiedOn"));
        Object met = d.get("met");
        boolean passed = d.get("dueOn") != null && day.isAfter(LocalDate.parse(String.valueOf(d.get("dueOn"))));
        row.put("verdict", met == null ? (passed || ended ? unanswered : "未届满") : Boolean.TRUE.equals(met) ? "按期"
                : Boolean.TRUE.equals(d.get("recordedLate")) ? "逾期（行为日期在期限内，账本记录晚于期限）" : "逾期");
        rows.add(row);
    }
}
