package org.gongshi.api.listings;

import jakarta.validation.Valid;
import org.gongshi.api.idempotency.IdempotentCommands;
import org.gongshi.api.web.BureauCommands;
import org.gongshi.api.web.BureauCommands.Command;
import org.gongshi.ledger.listings.command.ApplyForListingRepair;
import org.gongshi.api.web.LedgerGateway;
import org.gongshi.api.web.Params;
import org.gongshi.api.problem.Forbidden;
import org.gongshi.api.security.Caller;
import org.gongshi.ledger.listings.command.DecideListing;
import org.gongshi.ledger.listings.command.DecideListingRepair;
import org.gongshi.ledger.listings.command.ImposeSanction;
import org.gongshi.ledger.listings.command.LiftSanction;
import org.gongshi.ledger.listings.command.ProposeListing;
import org.gongshi.ledger.listings.command.RecordListingStatement;
import org.gongshi.ledger.listings.command.RemoveListing;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** The bureau command API for credit lists (API.md: listings). Officers act in their bureau's name. */
@RestController
@RequestMapping("/api/v1/listings")
public class ListingCommandController {

    private static final String KEY = IdempotentCommands.HEADER;

    private final BureauCommands commands;
    private final Clock clock;

    /** The basis of a proposal is checked by the ledger ({@code ListingBasisRule}), not here. */
    public ListingCommandController(BureauCommands commands, Clock ledgerClock) {
        this.commands = commands;
        this.clock = ledgerClock;
    }

    @PostMapping
    Mono<ResponseEntity<?>> propose(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                    @Valid @RequestBody ListingRequests.ProposalRequest body) {
        return commands.send(jwt, key, "POST /listings", body, caller -> {
            body.check();
            String listingId = commands.newId(jwt, key, "POST /listings", body);
            LocalDate proposedOn = body.proposedOn() != null ? body.proposedOn() : LocalDate.now(clock);
            var command = new ProposeListing(listingId, caller.bureau(), caller.division(), body.listType(), body.category(),
                    body.subject().toSubject(), body.caseIds(), body.reason(), proposedOn);
            return Command.created(command, "/api/v1/listings/" + listingId, "listingId", listingId);
        });
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
        Params.id("listingId", listingId);
        return commands.send(jwt, key, "POST /listings/" + listingId + "/sanctions", body, caller -> {
            String sanctionId = listingId + "/" + commands.newId(jwt, key, "POST /listings/" + listingId + "/sanctions", body).substring(0, 8);
            return Command.ok(new ImposeSanction(listingId, sanctionId, body.type(), body.scope(), body.until(), body.imposedOn()),
                    "listingId", listingId, "sanctionId", sanctionId);
        });
    }

    /** Sanction ids contain a slash ({@code listingId/n}); the path takes the part after the listing id. */
    @PostMapping("/{listingId}/sanctions/{number}/lifting")
    Mono<ResponseEntity<?>> lift(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                 @PathVariable String listingId, @PathVariable String number, @Valid @RequestBody ListingRequests.LiftRequest body) {
        Params.id("number", number);
        return act(jwt, key, listingId, "sanctions/" + number + "/lifting", body,
                () -> new LiftSanction(listingId, listingId + "/" + number, body.liftedOn(), body.reason()));
    }

    @PostMapping("/{listingId}/removal")
    Mono<ResponseEntity<?>> remove(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                   @PathVariable String listingId, @Valid @RequestBody ListingRequests.RemovalRequest body) {
        return act(jwt, key, listingId, "removal", body, () -> new RemoveListing(listingId, body.removedOn(), body.reason(), body.detail()));
    }

    @PostMapping("/{listingId}/repair")
    Mono<ResponseEntity<?>> repair(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                   @PathVariable String listingId, @Valid @RequestBody ListingRequests.RepairRequest body) {
        Params.id("listingId", listingId);
        return commands.send(jwt, key, "POST /listings/" + listingId + "/repair", body, caller -> {
            body.check();
            String applicationId = body.action() == ListingRequests.RepairAction.APPLY 
                    ? commands.newId(jwt, key, "POST /listings/" + listingId + "/repair", body) : body.applicationId();
            Object command = switch (body.action()) {
                case APPLY -> new ApplyForListingRepair(listingId, applicationId, body.on(), body.grounds());
                case GRANT -> new DecideListingRepair(listingId, applicationId, body.on(), true, List.of(), body.reason());
                case REFUSE -> new DecideListingRepair(listingId, applicationId, body.on(), false, List.copyOf(body.refusalGrounds()), body.reason());
            };
            return Command.ok(command, "listingId", listingId, "applicationId", applicationId);
        });
    }

    /** A command on listing {@code listingId} at {@code /api/v1/listings/{listingId}/{act}}, answered 200 {listingId, position}. */
    private Mono<ResponseEntity<?>> act(Jwt jwt, String key, String listingId, String act, Object body, Supplier<Object> command) {
        Params.id("listingId", listingId);
        return commands.send(jwt, key, "POST /listings/" + listingId + "/" + act, body,
                caller -> Command.ok(command.get(), "listingId", listingId));
    }
}
