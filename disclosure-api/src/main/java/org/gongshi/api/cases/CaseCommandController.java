package org.gongshi.api.cases;

import org.gongshi.api.web.TransparencyLog;
import org.gongshi.api.security.BureauRegistry;

import jakarta.validation.Valid;
import org.gongshi.api.cases.CaseRequests.ChallengeEndRequest;
import org.gongshi.api.cases.CaseRequests.ChallengeRequest;
import org.gongshi.api.cases.CaseRequests.ServiceRequest;
import org.gongshi.api.cases.CaseRequests.DismissalRequest;
import org.gongshi.ledger.cases.command.DismissCase;
import org.gongshi.ledger.cases.command.ScheduleHearing;
import org.gongshi.ledger.cases.command.ReturnTransfer;
import org.gongshi.api.cases.CaseRequests.TransferReturnRequest;
import org.gongshi.api.cases.CaseRequests.SuspicionRequest;
import org.gongshi.api.cases.CaseRequests.TransferDecisionRequest;
import org.gongshi.ledger.cases.command.RecordCrimeSuspicion;
import org.gongshi.ledger.cases.command.DecideOnTransfer;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.ledger.cases.command.EndChallenge;
import org.gongshi.ledger.cases.command.FileChallenge;
import org.gongshi.ledger.cases.command.ServeDecision;
import org.gongshi.api.cases.CaseRequests.ClockAction;
import org.gongshi.api.cases.CaseRequests.ClockRequest;
import org.gongshi.api.cases.CaseRequests.ClosureRequest;
import org.gongshi.api.cases.CaseRequests.DecisionRequest;
import org.gongshi.api.cases.CaseRequests.ExecutionRequest;
import org.gongshi.api.cases.CaseRequests.ExtensionRequest;
import org.gongshi.api.cases.CaseRequests.FileCaseRequest;
import org.gongshi.api.cases.CaseRequests.HearingRequest;
import org.gongshi.api.cases.CaseRequests.NoticeRequest;
import org.gongshi.api.cases.CaseRequests.RevisionRequest;
import org.gongshi.api.cases.CaseRequests.StatementRequest;
import org.gongshi.api.cases.CaseRequests.TransferRequest;
import org.gongshi.api.idempotency.IdempotentCommands;
import org.gongshi.api.web.BureauCommands;
import org.gongshi.api.web.BureauCommands.Command;
import org.gongshi.ledger.cases.command.CloseCase;
import org.gongshi.ledger.cases.command.ConcludeHearing;
import org.gongshi.ledger.cases.command.DecideNoPenalty;
import org.gongshi.ledger.cases.command.DecidePenalty;
import org.gongshi.api.problem.Forbidden;
import org.gongshi.api.security.Caller;
import org.gongshi.ledger.cases.DecisionKind;
import org.gongshi.ledger.cases.command.ExtendDecisionDeadline;
import org.gongshi.ledger.cases.command.FileCase;
import org.gongshi.ledger.cases.command.PauseCaseClock;
import org.gongshi.ledger.cases.command.RecordExecution;
import org.gongshi.ledger.cases.command.RecordStatement;
import org.gongshi.ledger.cases.command.RequestHearing;
import org.gongshi.ledger.cases.command.ResumeCaseClock;
import org.gongshi.ledger.cases.command.ReviseDecision;
import org.gongshi.ledger.cases.command.ServePenaltyNotice;
import org.gongshi.ledger.cases.command.TransferToJudiciary;
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
import org.gongshi.ledger.disclosure.command.CorrectDisclosure;

import org.gongshi.ledger.disclosure.command.DecideDisclosure;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.command.RepairCredit;
import org.gongshi.api.web.LedgerGateway;
import org.gongshi.api.web.Params;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** The bureau command API for cases (API.md, "Bureau commands"). Roles officer/reviewer. */
@RestController
@RequestMapping("/api/v1/cases")
public class CaseCommandController {

    private static final String KEY = IdempotentCommands.HEADER;

    private final BureauCommands commands;
    private final Clock clock;
    private final BureauRegistry bureaus;

    public CaseCommandController(BureauCommands commands, Clock ledgerClock, BureauRegistry bureaus) {
        this.commands = commands;
        this.clock = ledgerClock;
        this.bureaus = bureaus;
    }

    /**
     * The authority a case names: the bureau's registered name, never the request's text; a request
     * that sends {@code authorityName} must send that name.
     */
    private String authorityName(Caller caller, String requested) {
        String registered = bureaus.authorityName(caller.bureau()).orElseThrow(() -> new Forbidden("bureau " + caller.bureau()
                + " is not registered: a case names its bureau's registered name as its authority (处罚机关); register it under "
                + "gongshi.bureaus.registered"));
        if (requested != null && !requested.equals(registered)) {
            throw InvalidRequest.of("authorityName", "is the bureau's registered name '" + registered
                    + "', never free text per request; leave it out or send that name");
        }
        return registered;
    }

    @PostMapping
    Mono<ResponseEntity<?>> file(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                 @Valid @RequestBody FileCaseRequest body) {
        return commands.send(jwt, key, "POST /cases", body, caller -> {
            body.check();
            String caseId = commands.newId(jwt, key, "POST /cases", body);
            var command = new FileCase(caseId, caller.bureau(), authorityName(caller, body.authorityName()), caller.division(), body.filedOn(),
                    body.ipType(), body.violationType(), body.procedure(), body.source(), body.party().toParty(), body.actOn());
            return Command.created(command, "/api/v1/cases/" + caseId, "caseId", caseId);
        });
    }

    @PostMapping("/{caseId}/extensions")
    Mono<ResponseEntity<?>> extend(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                   @PathVariable String caseId, @Valid @RequestBody ExtensionRequest body) {
        return act(jwt, key, caseId, "extensions", body, () -> {
            body.check();
            return new ExtendDecisionDeadline(caseId, body.approval(), body.approvedOn(), body.days(), body.newDeadline(), body.reason());
        });
    }

    @PostMapping("/{caseId}/clock")
    Mono<ResponseEntity<?>> clock(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                  @PathVariable String caseId, @Valid @RequestBody ClockRequest body) {
        return act(jwt, key, caseId, "clock", body, () -> {
            body.check();
            return body.action() == ClockAction.PAUSE
                    ? new PauseCaseClock(caseId, body.on(), body.reason(), body.note())
                    : new ResumeCaseClock(caseId, body.on());
        });
    }

    @PostMapping("/{caseId}/notices")
    Mono<ResponseEntity<?>> notice(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                   @PathVariable String caseId, @Valid @RequestBody NoticeRequest body) {
        return act(jwt, key, caseId, "notices", body, () -> new ServePenaltyNotice(caseId, body.servedOn(),
                CaseRequests.penalties("proposedPenalties", body.proposedPenalties(), body.until()), body.hearingRightGranted(),
                Boolean.TRUE.equals(body.waived())));
    }

    @PostMapping("/{caseId}/statements")
    Mono<ResponseEntity<?>> statement(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                      @PathVariable String caseId, @Valid @RequestBody StatementRequest body) {
        return act(jwt, key, caseId, "statements", body, () -> new RecordStatement(caseId, body.receivedOn(), body.summary()));
    }

    @PostMapping("/{caseId}/hearings")
    Mono<ResponseEntity<?>> hearing(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                    @PathVariable String caseId, @Valid @RequestBody HearingRequest body) {
        return act(jwt, key, caseId, "hearings", body, () -> {
            body.check();
            if (body.notifiedOn() != null) return new ScheduleHearing(caseId, body.notifiedOn(), body.hearingOn());
            return body.heldOn() != null
                    ? new ConcludeHearing(caseId, body.heldOn(), body.outcome())
                    : new RequestHearing(caseId, body.requestedOn());
        });
    }

    @PostMapping("/{caseId}/decisions")
    Mono<ResponseEntity<?>> decide(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                   @PathVariable String caseId, @Valid @RequestBody DecisionRequest body) {
        Params.id("caseId", caseId);
        return commands.send(jwt, key, "POST /cases/" + caseId + "/decisions", body, caller -> {
            body.check();
            String decisionId = commands.newId(jwt, key, "POST /cases/" + caseId + "/decisions", body);
            Object command = body.kind() == DecisionKind.PENALTY
                    ? new DecidePenalty(caseId, decisionId, body.decisionNumber(), body.decidedOn(),
                    CaseRequests.penalties("penalties", body.penalties(), body.until()), body.legalBasis(), body.facts())
                    : new DecideNoPenalty(caseId, decisionId, body.decisionNumber(), body.decidedOn(), body.legalBasis(), body.facts());
            return Command.ok(command, "caseId", caseId, "decisionId", decisionId);
        });
    }

    @PostMapping("/{caseId}/transfer")
    Mono<ResponseEntity<?>> transfer(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                     @PathVariable String caseId, @Valid @RequestBody TransferRequest body) {
        return act(jwt, key, caseId, "transfer", body,
                () -> new TransferToJudiciary(caseId, body.transferredOn(), body.judicialOrgan(), body.reason(), body.suspectedOn(),
                        body.approvedOn()));
    }

    @PostMapping("/{caseId}/transfer/suspicion")
    Mono<ResponseEntity<?>> suspicion(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                      @PathVariable String caseId, @Valid @RequestBody SuspicionRequest body) {
        return act(jwt, key, caseId, "transfer/suspicion", body, () -> new RecordCrimeSuspicion(caseId, body.suspectedOn(), body.reason()));
    }

    @PostMapping("/{caseId}/transfer/approval")
    Mono<ResponseEntity<?>> transferDecision(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                             @PathVariable String caseId, @Valid @RequestBody TransferDecisionRequest body) {
        return act(jwt, key, caseId, "transfer/approval", body, () -> {
            body.check();
            return new DecideOnTransfer(caseId, body.approved(), body.decidedOn(), body.reason());
        });
    }

    @PostMapping("/{caseId}/transfer/return")
    Mono<ResponseEntity<?>> transferReturned(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                             @PathVariable String caseId, @Valid @RequestBody TransferReturnRequest body) {
        return act(jwt, key, caseId, "transfer/return", body, () -> new ReturnTransfer(caseId, body.returnedOn(), body.reason()));
    }

    @PostMapping("/{caseId}/service")
    Mono<ResponseEntity<?>> service(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                    @PathVariable String caseId, @Valid @RequestBody ServiceRequest body) {
        return act(jwt, key, caseId, "service", body, () -> new ServeDecision(caseId, body.receivedOn(), body.method()));
    }

    /**
     * Challenges are numbered 1, 2, ... in the order filed; the answer names the one filed ({@code number}, for
     * {@code .../challenges/{number}/end}; audit: only the case view said it), and the case view lists them.
     */
    @PostMapping("/{caseId}/challenges")
    Mono<ResponseEntity<?>> challenge(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                      @PathVariable String caseId, @Valid @RequestBody ChallengeRequest body) {
        Params.id("caseId", caseId);
        return commands.send(jwt, key, "POST /cases/" + caseId + "/challenges", body,
                caller -> Command.ok(new FileChallenge(caseId, body.kind(), body.filedOn()), "caseId", caseId).answering("number"));
    }

    @PostMapping("/{caseId}/challenges/{number}/end")
    Mono<ResponseEntity<?>> challengeEnded(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                           @PathVariable String caseId, @PathVariable String number,
                                           @Valid @RequestBody ChallengeEndRequest body) {
        // challenges are numbered from 1 (audit: a word was refused with the range of a Java int)
        int challenge = (int) TransparencyLog.number("number", number, 1, Integer.MAX_VALUE);
        return act(jwt, key, caseId, "challenges/" + challenge + "/end", body,
                () -> new EndChallenge(caseId, challenge, body.endedOn(), body.outcome()));
    }

    @PostMapping("/{caseId}/dismissal")
    Mono<ResponseEntity<?>> dismissal(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                      @PathVariable String caseId, @Valid @RequestBody DismissalRequest body) {
        return act(jwt, key, caseId, "dismissal", body, () -> new DismissCase(caseId, body.dismissedOn(), body.reason(), body.note()));
    }

    @PostMapping("/{caseId}/execution")
    Mono<ResponseEntity<?>> execution(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                      @PathVariable String caseId, @Valid @RequestBody ExecutionRequest body) {
        return act(jwt, key, caseId, "execution", body,
                () -> new RecordExecution(caseId, body.executedOn(), body.paidAmount(), body.method()));
    }

    @PostMapping("/{caseId}/closure")
    Mono<ResponseEntity<?>> closure(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                    @PathVariable String caseId, @Valid @RequestBody ClosureRequest body) {
        return act(jwt, key, caseId, "closure", body, () -> new CloseCase(caseId, body.closedOn(), body.outcome()));
    }

    @PostMapping("/{caseId}/revision")
    Mono<ResponseEntity<?>> revision(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                     @PathVariable String caseId, @Valid @RequestBody RevisionRequest body) {
        return act(jwt, key, caseId, "revision", body, () -> {
            body.check();
            return new ReviseDecision(caseId, body.kind(), body.by(), body.documentNumber(), body.effectiveOn(), body.reason(),
                    body.penalties() == null ? List.of() : CaseRequests.penalties("penalties", body.penalties(), body.until()));
        });
    }

    @PostMapping("/{caseId}/disclosure")
    Mono<ResponseEntity<?>> disclosure(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                       @PathVariable String caseId, @Valid @RequestBody DisclosureRequests.DisclosureRequest body) {
        return act(jwt, key, caseId, "disclosure", body, () -> {
            body.check();
            LocalDate on = body.decidedOn() != null ? body.decidedOn() : LocalDate.now(clock);
            return switch (body.action()) {
                // publication and withholding take the day the ledger records them: a date given must be that day
                case PUBLISH -> new DecideDisclosure(caseId, DisclosureAction.PUBLISH, body.decidedOn(), null, null, body.redactions());
                case WITHHOLD -> new DecideDisclosure(caseId, DisclosureAction.WITHHOLD, body.decidedOn(), body.ground(), body.explanation(), null);
                case CORRECT -> new CorrectDisclosure(caseId, on, body.reason(), body.violationType(), body.facts(),
                        body.legalBasis(), body.legalRepresentative(), body.redactions());
            };
        });
    }

    @PostMapping("/{caseId}/repair")
    Mono<ResponseEntity<?>> repair(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = KEY, required = false) String key,
                                   @PathVariable String caseId, @Valid @RequestBody DisclosureRequests.RepairRequest body) {
        return act(jwt, key, caseId, "repair", body, () -> new RepairCredit(caseId,
                body.decidedOn() != null ? body.decidedOn() : LocalDate.now(clock), body.harmRemoved()));
    }

    /** A command on case {@code caseId} at {@code /api/v1/cases/{caseId}/{act}}, answered 200 {caseId, position}. */
    private Mono<ResponseEntity<?>> act(Jwt jwt, String key, String caseId, String act, Object body, Supplier<Object> command) {
        Params.id("caseId", caseId);
        return commands.send(jwt, key, "POST /cases/" + caseId + "/" + act, body,
                caller -> Command.ok(command.get(), "caseId", caseId));
    }
}
