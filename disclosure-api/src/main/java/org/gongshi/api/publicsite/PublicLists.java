package org.gongshi.api.publicsite;

import org.gongshi.api.security.BureauRegistry;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.web.ViewReads;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.projections.listings.ListingView;
import org.gongshi.projections.listings.ListingViews;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public side of the credit lists (API.md, "Public"): the entries on a list now, a subject's
 * entries, and the one public shape of an entry. Only what a list publishes leaves here — never the
 * basis cases, statements, repair applications, notices or who acted.
 */
public class PublicLists {

    private final ListingViews views;
    private final BureauRegistry bureaus;
    /** The ledger's clock: what is on a list is what is on it on the ledger's day. */
    private final org.gongshi.ledger.calendar.LedgerClock clock;

    public PublicLists(ListingViews views, BureauRegistry bureaus, org.gongshi.ledger.calendar.LedgerClock clock) {
        this.views = views;
        this.bureaus = bureaus;
        this.clock = clock;
    }

    /**
     * The registered name of the bureau that listed an entry (列入机关), as a public record names its authority: from the
     * bureaus' registration, never from a request; null for a bureau no longer registered (its code is still shown). A sweep
     * from outside (stop 71) found the lists naming their bureaus by code only.
     */
    public String authorityName(String bureau) {
        return bureaus.authorityName(bureau).orElse(null);
    }

    /** The list named in a path or parameter; anything else is a 400 naming the allowed values. */
    public static ListType listType(String value) {
        return parseListType(value).orElseThrow(() -> InvalidRequest.of("listType", "must be one of " + Arrays.toString(ListType.values())));
    }

    /** The list named exactly by its identifier (SEVERE_DISHONESTY, REPEATED_INFRINGER, BLACKLIST), if it is one. */
    public static Optional<ListType> parseListType(String value) {
        if (value == null) return Optional.empty();
        return Arrays.stream(ListType.values()).filter(t -> t.name().equals(value.strip())).findFirst();
    }

    /** The entries on {@code listType} now that pass {@code filter}, most recently listed first. */
    public Mono<ListingViews.Page> onList(ListType listType, PublicQueries.ListFilter filter, int page, int size) {
        return ViewReads.blocking(() -> views.onList(listType, filter.division(), filter.name(), filter.uscc(), clock.today(), page, size));
    }

    /** How many entries each list holds now. */
    public Mono<Map<ListType, Long>> counts() {
        return ViewReads.blocking(() -> {
            Map<ListType, Long> counts = new EnumMap<>(ListType.class);
            LocalDate today = clock.today();
            for (ListType type : ListType.values()) counts.put(type, views.onList(type, null, today, 0, 1).total());
            return counts;
        });
    }

    /** The entries {@code uscc} holds on any list now. */
    public Mono<List<ListingView>> of(String uscc) {
        return ViewReads.blocking(() -> views.activeOf(uscc, clock.today()));
    }

    /** The public fields of an entry, with the sanctions that apply now. */
    public Map<String, Object> present(ListingView view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("listingId", view.listingId());
        body.put("listType", view.listType());
        body.put("category", view.category());
        body.put("subjectName", view.subject() == null ? null : view.subject().name());
        body.put("uscc", view.subject() == null ? null : view.subject().uscc());
        body.put("reason", view.reason());
        body.put("listedOn", view.listedOn());
        body.put("termEnd", view.termEnd());
        body.put("termEndProvisional", Boolean.TRUE.equals(view.termEndProvisional()));
        body.put("authorityName", authorityName(view.bureau()));
        body.put("authorityUscc", view.bureau());
        body.put("division", view.division());
        body.put("sanctions", view.activeSanctions().stream().map(s -> {
            Map<String, Object> sanction = new LinkedHashMap<>();
            sanction.put("measure", s.measure());
            sanction.put("scope", s.scope() == null || s.scope().isBlank()
                    ? (s.measure() == null ? null : s.measure().defaultScope()) : s.scope());
            sanction.put("imposedOn", s.imposedOn());
            sanction.put("until", s.until());
            return sanction;
        }).toList());
        return body;
    }

    /** The subject's name as its entries give it, for a subject with no public penalty. */
    public static String subjectName(List<ListingView> entries) {
        return entries.stream().filter(e -> e.subject() != null && e.subject().name() != null)
                .map(e -> e.subject().name()).findFirst().orElse(null);
    }
}
