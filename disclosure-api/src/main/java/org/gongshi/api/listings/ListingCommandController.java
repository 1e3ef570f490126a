package org.gongshi.api.listings;

import jakarta.validation.Valid;
import org.gongshi.api.web.LedgerGateway;
import org.gongshi.api.idempotency.IdempotentCommands;
import org.gongshi.api.problem.Forbidden;
import org.gongshi.api.security.Caller;
import org.gongshi.ledger.listings.command.ApplyForListingRepair;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.projections.listings.PenaltyHistory;
import reactor.core.scheduler.Schedulers;
import org.gongshi.ledger.listings.command.DecideListing;
import org.gongshi.ledger.listings.command.DecideListingRepair;
import org.gongshi.ledger.listings.command.ImposeSanction;
import org.gongshi.ledger.listings.command.LiftSanction;
import org.gongshi.ledger.listings.command.ProposeListing;
import org.gongshi.ledger.listings.command.RecordListingStatement;
import org.gongshi.ledger.listings.command.RemoveListing;
import org.gongshi.ledger.listings.RepeatedInfringementPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** The bureau command API for credit lists (API.md: listings). Officers act in their bureau's name. */
@RestController
@RequestMapping("/api/v1/listings")
public class ListingCommandController {

    private static final String KEY = IdempotentCommands.HEADER;

    private final LedgerGateway ledger;
    private final IdempotentCommands idempotency;
    private final PenaltyHistory penalties;
    private final Rulebook rules;
    private final Clock clock;

    public ListingCommandController(LedgerGateway ledger, IdempotentCommands idempotency, PenaltyHistory penaltyHistory, Rulebook rulebook,
                                    Clock ledgerClock) {
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.penalties = penaltyHistory;
        this.rules = rulebook;
        this.clock = ledgerClock;
    }

    @PostMapping
    Mono<ResponseEntity<?>> propose(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                    @Valid @RequestBody ListingRequests.ProposalRequest body) {
        Caller caller = writer(jwt);
        return idempotency.execute(caller, key, "POST /listings", body, () -> {
            body.check();
            String listingId = UUID.randomUUID().toString();
            LocalDate proposedOn = body.proposedOn() != null ? body.proposedOn() : LocalDate.now(clock);
            var command = new ProposeListing(listingId, caller.bureau(), caller.division(), body.listType(), body.category(),
                    body.subject().toSubject(), List.copyOf(body.basisCaseIds()), body.reason(), proposedOn);
            Mono<Void> checked = body.listType() == ListType.REPEATED_INFRINGER
                    ? Mono.fromRunnable(() -> checkRepeatedInfringement(command)).subscribeOn(Schedulers.boundedElastic()).then()
                    : Mono.empty();
            return checked.then(ledger.send(caller, command)).thenReturn(
                    ResponseEntity.created(URI.create("/api/v1/listings/" + listingId)).body(Map.of("listingId", listingId)));
        });
    }

    /**
     * 重复侵权 rests on effective penalties: the basis cases must be standing penalties against the
     * subject within the window (read from the penalty history, which the ledger's events build).
     */
    private void checkRepeatedInfringement(ProposeListing command) {
        List<String> basis = command.basisCaseIds();
        RepeatedInfringementPolicy.of(rules).requireQualifyingBasis(command.subject().uscc(), basis, penalties.facts(basis),
                command.proposedOn());
    }

    @PostMapping("/{listingId}/statements")
    Mono<ResponseEntity<?>> statement(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                      @PathVariable String listingId, @Valid @RequestBody ListingRequests.StatementRequest body) {
        return act(jwt, key, listingId, "statements", body, () -> new RecordListingStatement(listingId, body.receivedOn(), body.summary()));
    }

    @PostMapping("/{listingId}/decision")
    Mono<ResponseEntity<?>> decide(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                   @PathVariable String listingId, @Valid @RequestBody ListingRequests.DecisionRequest body) {
        return act(jwt, key, listingId, "decision", body, () -> {
            body.check();
            return new DecideListing(listingId, body.decidedOn(), body.list(), body.sanctions(), body.termEnd(), body.reason());
        });
    }

    @PostMapping("/{listingId}/sanctions")
    Mono<ResponseEntity<?>> sanction(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                     @PathVariable String listingId, @Valid @RequestBody ListingRequests.SanctionRequest body) {
        Caller caller = writer(jwt);
        return idempotency.execute(caller, key, "POST /listings/" + listingId + "/sanctions", body, () -> {
            String sanctionId = listingId + "/" + UUID.randomUUID().toString().substring(0, 8);
            return ledger.send(caller, new ImposeSanction(listingId, sanctionId, body.type(), body.scope(), body.until(), body.imposedOn()))
                    .thenReturn(ResponseEntity.ok(Map.of("listingId", listingId, "sanctionId", sanctionId)));
        });
    }

    /** Sanction ids contain a slash ({@code listingId/n}); the path takes the part after the listing id. */
    @PostMapping("/{listingId}/sanctions/{number}/lifting")
    Mono<ResponseEntity<?>> lift(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                 @PathVariable String listingId, @PathVariable String number, @Valid @RequestBody ListingRequests.LiftRequest body) {
        return act(jwt, key, listingId, "sanctions/" + number + "/lifting", body,
                () -> new LiftSanction(listingId, listingId + "/" + number, body.liftedOn(), body.reason()));
    }

    @PostMapping("/{listingId}/removal")
    Mono<ResponseEntity<?>> remove(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                   @PathVariable String listingId, @Valid @RequestBody ListingRequests.RemovalRequest body) {
        return act(jwt, key, listingId, "removal", body, () -> {
            body.check();
            return new RemoveListing(listingId, body.removedOn(), body.reason(), body.detail());
        });
    }

    @PostMapping("/{listingId}/repair")
    Mono<ResponseEntity<?>> repair(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                   @PathVariable String listingId, @Valid @RequestBody ListingRequests.RepairRequest body) {
        Caller caller = writer(jwt);
        return idempotency.execute(caller, key, "POST /listings/" + listingId + "/repair", body, () -> {
            body.check();
            String applicationId = body.action() == ListingRequests.RepairAction.APPLY ? UUID.randomUUID().toString() : body.applicationId();
            Object command = switch (body.action()) {
                case APPLY -> new ApplyForListingRepair(listingId, applicationId, body.on(), body.grounds());
                case GRANT -> new DecideListingRepair(listingId, applicationId, body.on(), true, List.of(), body.reason());
                case REFUSE -> new DecideListingRepair(listingId, applicationId, body.on(), false, List.copyOf(body.refusalGrounds()), body.reason());
            };
            return ledger.send(caller, command).thenReturn(ResponseEntity.ok(Map.of("listingId", listingId, "applicationId", applicationId)));
        });
    }

    private Mono<ResponseEntity<?>> act(Jwt jwt, String key, String listingId, String act, Object body, Supplier<Object> command) {
        Caller caller = writer(jwt);
        return idempotency.execute(caller, key, "POST /listings/" + listingId + "/" + act, body,
                () -> ledger.send(caller, command.get()).thenReturn(ResponseEntity.ok(Map.of("listingId", listingId))));
    }

    private static Caller writer(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        if (caller.bureau() == null || caller.division() == null || caller.sub() == null) {
            throw new Forbidden("The token has no bureau, division or sub claim; commands are issued by a bureau's officer");
        }
        return caller;
    }
}
