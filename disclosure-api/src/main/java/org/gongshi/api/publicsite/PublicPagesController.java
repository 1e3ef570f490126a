package org.gongshi.api.publicsite;

import org.gongshi.api.input.QueryGuard;
import org.gongshi.api.web.PublicAnswers;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.web.PublicFigures;
import org.gongshi.api.web.Params;
import org.gongshi.ledger.disclosure.Edition;
import org.gongshi.projections.publicrecords.PublicRecordView;
import org.gongshi.ledger.disclosure.RecordState;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.projections.listings.ListingViews;
import org.gongshi.projections.publicrecords.PublicRecords;
import org.gongshi.ledger.identity.Division;
import org.gongshi.ledger.identity.Uscc;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public pages (zh-CN, server-rendered, no JavaScript needed): home with search, results with
 * paging, a record, a subject with its penalties and credit-list entries, the credit lists, the target
 * figures, and what a withdrawn or ended record says.
 */
@Controller
public class PublicPagesController {

    private static final int PAGE_SIZE = 20;
    private static final Labels LABELS = new Labels();

    private final PublicQueries queries;
    private final PublicLists lists;
    private final PublicFigures figures;

    public PublicPagesController(PublicQueries queries, ListingViews listingViews, PublicFigures publicFigures,
                                 org.gongshi.api.security.BureauRegistry bureaus, org.gongshi.ledger.calendar.LedgerClock clock) {
        this.queries = queries;
        this.lists = new PublicLists(listingViews, bureaus, clock);
        this.figures = publicFigures;
    }

    @GetMapping("/")
    Mono<Rendering> home() {
        return queries.search(new PublicRecords.Search(null, null, null, null, null, null), 0, 10)
                .map(latest -> page("index").modelAttribute("latest", latest).build());
    }

    @GetMapping("/penalties")
    Mono<Rendering> results(@RequestParam(required = false) String q, @RequestParam(required = false) String uscc,
                            @RequestParam(required = false) String division, @RequestParam(required = false) String ipType,
                            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(defaultValue = "0") String page, @RequestParam(required = false) String size,
                            ServerWebExchange exchange) {
        Typed asTyped = Typed.of(q, uscc);
        String name = asTyped.name(), code = asTyped.code();
        Map<String, String> form = form(name, code, division, ipType, from, to);
        final PublicRecords.Search search;
        final org.gongshi.api.web.Page.Request paging;
        try {
            refuseWhatTheGuardRefused(exchange);
            List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
            search = InvalidRequest.checked(problems, () -> PublicQueries.search(name, typed(code), typed(division), typed(ipType), typedDate(from), typedDate(to)));
            paging = InvalidRequest.checked(problems, () -> paging(page, size));
            InvalidRequest.refuseIfAny(problems);
        } catch (InvalidRequest invalid) {
            return Mono.just(searchForm(form, invalid));
        }
        if (paging.size() != PAGE_SIZE) form.put("size", String.valueOf(paging.size()));
        // a subject searched by its code: its page holds its current list entries too, which a search of penalties cannot show
        // once its penalties are no longer public (a sweep from outside: a listed company was "not found" by its code)
        String subject = search.uscc();
        return queries.search(search, paging.page(), paging.size()).map(result -> page("results")
                .modelAttribute("form", form)
                .modelAttribute("subject", subject)
                .modelAttribute("result", result)
                .modelAttribute("pager", Pager.of(paging.page(), paging.size(), result.total(), n -> pageUrl(form, n)))
                .build());
    }

    /** The search form again, with what is wrong in the request said in the form's words (400). */
    private Rendering searchForm(Map<String, String> form, InvalidRequest invalid) {
        return page("results").modelAttribute("form", form).modelAttribute("error", FormError.all(invalid)).modelAttribute("invalid", FormError.parameters(invalid)).status(HttpStatus.BAD_REQUEST).build();
    }

    /** A decision published again after a change is the record {@code <decisionId>/<edition>}: its id holds a slash. */
    @GetMapping("/penalties/{decisionId}/{edition:[0-9]+}")
    Mono<Rendering> record(@PathVariable String decisionId, @PathVariable String edition) {
        return record(decisionId + "/" + edition);
    }

    /**
     * A record, or why it is no longer public. A decision changed after publication is published again as its next record
     * (Order 45 Art 11): the withdrawn one leads to the one published after it, and that one back to the one it replaced (a
     * sweep from outside, stop 73: a reader holding the old link learned neither that the decision was changed nor where the
     * record in force was).
     */
    @GetMapping("/penalties/{recordId}")
    Mono<Rendering> record(@PathVariable String recordId) {
        Edition edition = Edition.of(recordId);
        return queries.record(recordId)
                .flatMap(view -> {
                    if (view.state() == RecordState.PUBLISHED) {
                        Edition before = edition.previous();
                        return Mono.just(page("record").modelAttribute("view", view)
                                .modelAttribute("replaces", before == null ? null : before.recordId()).build());
                    }
                    // only a withdrawn record has one published after it (a changed decision is withdrawn, then published again)
                    Mono<String> after = view.state() == RecordState.WITHDRAWN
                            ? queries.record(edition.next().recordId()).map(PublicRecordView::recordId).defaultIfEmpty("") : Mono.just("");
                    return after.map(next -> page("gone").modelAttribute("view", view).modelAttribute("problem", PublicAnswers.gone(view))
                            .modelAttribute("replacedBy", next.isEmpty() ? null : next).status(HttpStatus.GONE).build());
                })
                .defaultIfEmpty(page("not-found").modelAttribute("what", "处罚信息 " + recordId).status(HttpStatus.NOT_FOUND).build());
    }

    /** A subject's public penalties, a page of them with a pager (as a search's), and its current list entries. */
    @GetMapping("/subjects/{uscc}")
    Mono<Rendering> subject(@PathVariable("uscc") String typedUscc, @RequestParam(defaultValue = "0") String page,
                            @RequestParam(required = false) String size, ServerWebExchange exchange) {
        String uscc = typed(typedUscc);
        Map<String, String> form = form(null, uscc.length() > 64 ? uscc.substring(0, 64) : uscc, null, null, null, null);
        if (!Uscc.isValid(uscc)) {
            // a mistyped code names nobody: say what is wrong with it (400) rather than that nobody has a record (404)
            return Mono.just(searchForm(form, InvalidRequest.of("uscc", "is not a unified social credit code")));
        }
        final org.gongshi.api.web.Page.Request paging;
        try {
            refuseWhatTheGuardRefused(exchange);
            paging = paging(page, size);
        } catch (InvalidRequest invalid) {
            return Mono.just(searchForm(form, invalid));
        }
        return Mono.zip(queries.ofSubject(uscc, paging.page(), paging.size()), lists.of(uscc)).map(found -> page("subject")
                .modelAttribute("uscc", uscc)
                .modelAttribute("result", found.getT1().records())
                .modelAttribute("records", found.getT1().records().items())
                .modelAttribute("entries", found.getT2())
                .modelAttribute("name", found.getT1().name() != null ? found.getT1().name() : PublicLists.subjectName(found.getT2()))
                .modelAttribute("pager", Pager.of(paging.page(), paging.size(), found.getT1().records().total(),
                        n -> subjectUrl(uscc, paging.size(), n))).build());
    }

    /** The target figures of a year (default the current one) in a division (prefix) or everywhere: {@code GET /api/v1/public/stats} as a page. */
    @GetMapping("/stats")
    Mono<Rendering> stats(@RequestParam(required = false) String division, @RequestParam(required = false) String year,
                          ServerWebExchange exchange) {
        String divisionInput = division == null ? "" : shown(typed(division));
        final Division prefix;
        final int y;
        try {
            refuseWhatTheGuardRefused(exchange);
            // every field at fault named at once (a re-test, stop 73: a bad division hid a bad year)
            List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
            prefix = InvalidRequest.checked(problems, () -> Params.division(typed(division)));
            Integer asked = InvalidRequest.checked(problems, () -> figures.year(typedYear(year)));
            InvalidRequest.refuseIfAny(problems);
            y = asked;
        } catch (InvalidRequest invalid) {
            return Mono.just(page("stats").modelAttribute("division", divisionInput).modelAttribute("year", shown(year))
                    .modelAttribute("error", FormError.all(invalid)).modelAttribute("invalid", FormError.parameters(invalid)).status(HttpStatus.BAD_REQUEST).build());
        }
        return Mono.fromCallable(() -> figures.of(prefix, y)).subscribeOn(Schedulers.boundedElastic())
                .map(f -> page("stats").modelAttribute("division", divisionInput).modelAttribute("year", String.valueOf(y))
                        .modelAttribute("rows", FigureRow.of(f)).build());
    }

    /** The three credit lists, each with its legal name, basis and how many entries it holds now. */
    @GetMapping("/lists")
    Mono<Rendering> lists() {
        return lists.counts().map(counts -> page("lists").modelAttribute("counts", counts).build());
    }

    /**
     * One credit list: the entries on it now, most recently listed first, optionally in one division, of subjects whose name
     * holds {@code q}, or of one code {@code uscc} (a code typed into the name box is taken as one, as a search takes it).
     */
    @GetMapping("/lists/{listType}")
    Mono<Rendering> list(@PathVariable String listType, @RequestParam(required = false) String division,
                         @RequestParam(required = false) String q, @RequestParam(required = false) String uscc,
                         @RequestParam(defaultValue = "0") String page, @RequestParam(required = false) String size,
                         ServerWebExchange exchange) {
        ListType type = PublicLists.parseListType(listType).orElse(null);
        if (type == null) {
            return Mono.just(page("not-found").modelAttribute("what", "信用名单 " + listType).status(HttpStatus.NOT_FOUND).build());
        }
        Typed asTyped = Typed.of(q, uscc);
        String name = asTyped.name(), code = asTyped.code();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("division", shown(division));
        form.put("q", shown(name));
        form.put("uscc", shown(code));
        final PublicQueries.ListFilter filter;
        final org.gongshi.api.web.Page.Request paging;
        try {
            refuseWhatTheGuardRefused(exchange);
            List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
            filter = InvalidRequest.checked(problems, () -> PublicQueries.listFilter(typed(division), name, typed(code)));
            paging = InvalidRequest.checked(problems, () -> paging(page, size));
            InvalidRequest.refuseIfAny(problems);
        } catch (InvalidRequest invalid) {
            return Mono.just(page("list").modelAttribute("listType", type).modelAttribute("form", form)
                    .modelAttribute("error", FormError.all(invalid)).modelAttribute("invalid", FormError.parameters(invalid)).status(HttpStatus.BAD_REQUEST).build());
        }
        return lists.onList(type, filter, paging.page(), paging.size()).map(result -> page("list")
                .modelAttribute("listType", type)
                .modelAttribute("form", form)
                .modelAttribute("filtered", filter.division() != null || filter.name() != null || filter.uscc() != null)
                .modelAttribute("result", result)
                .modelAttribute("pager", Pager.of(paging.page(), paging.size(), result.total(), n -> listUrl(type, filter, paging.size(), n)))
                .build());
    }

    /**
     * A code as a person types it into a form (a credit code, a division, a date, a year, a kind): full-width letters and
     * digits, as a Chinese input method gives them, read as their ASCII, letters upper-case, spaces around dropped. The
     * forms refused "９１１１…" and "91110000600037341l" as having a wrong check character (audit), while names were found
     * however typed.
     */
    static String typed(String value) {
        return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }

    private static final java.util.regex.Pattern WRITTEN_DATE =
            java.util.regex.Pattern.compile("(\\d{4})\\s*[年/.-]\\s*(\\d{1,2})\\s*[月/.-]\\s*(\\d{1,2})\\s*日?");

    /**
     * A date as people write it into a form: 2026-03-02, 2026-3-2, 2026/3/2, 2026.3.2 or 2026年3月2日, in full-width
     * characters too, read as the ISO date it names (audit: the pages print 2026年3月2日 and refused it as input);
     * anything else as typed, for the check to name.
     */
    static String typedDate(String value) {
        String typed = typed(value);
        if (typed == null) return null;
        var written = WRITTEN_DATE.matcher(typed);
        if (!written.matches()) return typed;
        return written.group(1) + "-" + twoDigits(written.group(2)) + "-" + twoDigits(written.group(3));
    }

    private static String twoDigits(String number) {
        return number.length() == 1 ? "0" + number : number;
    }

    /** A year as typed: 2026 or 2026年, full-width too. */
    static String typedYear(String value) {
        String typed = typed(value);
        return typed != null && typed.endsWith("年") ? typed.substring(0, typed.length() - 1).strip() : typed;
    }

    /** The ISO date {@code value} names when it reads as one ({@link #typedDate}), else {@code value} as typed. */
    private static String isoOr(String value) {
        String date = typedDate(value);
        return date != null && date.matches("\\d{4}-\\d{2}-\\d{2}") ? date : value;
    }

    private Rendering.Builder<?> page(String view) {
        return Rendering.view(view).modelAttribute("labels", LABELS).modelAttribute("authorities", lists);
    }

    /**
     * A query the guard refused (a control character, a value over its bound: {@link QueryGuard}) is this page's bad field too:
     * its form again with the 查询条件有误 notice, never the API's English problem.
     */
    private static void refuseWhatTheGuardRefused(ServerWebExchange exchange) {
        QueryGuard.refusal(exchange).ifPresent(refusal -> {
            throw refusal;
        });
    }

    /** The last page number a page's pager takes. */
    static final int MAX_PAGE = 100_000;

    /** A page's number (at most {@link #MAX_PAGE}) and how many rows it shows, as the JSON lists take them (absent: 20). */
    private static org.gongshi.api.web.Page.Request paging(String page, String size) {
        return org.gongshi.api.web.Page.request(page, size, PAGE_SIZE, MAX_PAGE);
    }

    /** The search form's fields as the request gave them (absent: empty), in the form's order. */
    private static Map<String, String> form(String q, String uscc, String division, String ipType, String from, String to) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("q", shown(q));
        form.put("uscc", shown(uscc));
        form.put("division", shown(division));
        // a kind as the filter read it (patent, ＰＡＴＥＮＴ: PATENT), so the list shows it chosen (a fuzz from outside, stop 78:
        // the records were filtered and the list read 全部, and sending the form again dropped the filter)
        form.put("ipType", shown(typed(ipType)));
        // a date input shows only an ISO date: the one meant, when it reads as one (else as typed, with the error beside it)
        form.put("from", from == null ? "" : shown(isoOr(from)));
        form.put("to", to == null ? "" : shown(isoOr(to)));
        return form;
    }

    /**
     * A subject as typed into a form: a name's part {@code name}, a code {@code code}. A USCC typed into the name box is taken
     * as a code (a sweep from outside: a search found nothing by it, with no hint).
     */
    record Typed(String name, String code) {
        static Typed of(String q, String uscc) {
            boolean codeAsName = (uscc == null || uscc.isBlank()) && q != null && Uscc.isValid(q.strip().toUpperCase(Locale.ROOT));
            return codeAsName ? new Typed(null, q.strip().toUpperCase(Locale.ROOT)) : new Typed(q, uscc);
        }
    }

    /** Control and format characters the page never writes back (a NUL is an HTML parse error; an ESC reaches a terminal). */
    private static final java.util.regex.Pattern UNSHOWN = java.util.regex.Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    /**
     * A value as typed, for the form to show again, without the control and format characters it may not hold (refused with
     * the error beside it: a security sweep, stop 73, found ESC, BEL and NUL written raw into the field's value).
     */
    private static String shown(String value) {
        return value == null ? "" : UNSHOWN.matcher(value).replaceAll("");
    }

    /**
     * A page of a list with its filters. What the public typed is a value, never a template: built, then each part encoded
     * (a fuzz from outside, stop 78: {@code q={x}} was read as a URI variable and the page answered 500).
     */
    static String listUrl(ListType type, PublicQueries.ListFilter filter, int size, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/lists/").path(type.name());
        if (filter.division() != null) b.queryParam("division", filter.division().code());
        if (filter.name() != null) b.queryParam("q", filter.name());
        if (filter.uscc() != null) b.queryParam("uscc", filter.uscc());
        if (size != PAGE_SIZE) b.queryParam("size", size);
        return link(b.queryParam("page", page));
    }

    /**
     * A link built, then each part encoded; a plus sign in a value is written %2B, as a query reads + as a space (a fuzz from
     * outside, stop 78: the pager's links searched for "A B" where "A+B" was typed).
     */
    private static String link(UriComponentsBuilder builder) {
        return builder.build().encode().toUriString().replace("+", "%2B");
    }

    private static String subjectUrl(String uscc, int size, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/subjects/").path(uscc);
        if (size != PAGE_SIZE) b.queryParam("size", size);
        return link(b.queryParam("page", page));
    }

    static String pageUrl(Map<String, String> form, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/penalties");
        form.forEach((k, v) -> {
            if (!v.isBlank()) b.queryParam(k, v);
        });
        return link(b.queryParam("page", page));
    }
}
