package org.gongshi.api.admin;

import org.gongshi.api.problem.Forbidden;
import org.gongshi.api.problem.NotFound;
import org.gongshi.api.security.Caller;
import org.gongshi.api.web.LedgerGateway;
import org.gongshi.api.web.Params;
import org.gongshi.api.problem.ViewBehind;
import org.gongshi.api.web.ViewReads;
import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.ledger.privacy.command.ShredPartyData;
import org.gongshi.projections.privacy.SubjectKeys;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Crypto-shredding (role {@code admin}): {@code DELETE /api/v1/admin/subjects/{subjectId}/key} records
 * that the subject was shredded (an event without personal data), then deletes its key, so every
 * sealed field of it reads as {@code shredded} in the event store, its backups, the read models and
 * the audit API. A data subject is the party of a case: its id is the case id. Repeating it is safe. It answers once the
 * case view has folded the shredding (within the reads' wait; else it says the view is catching up), so a read after it
 * reads {@code shredded}.
 */
@RestController
@RequestMapping("/api/v1/admin/subjects")
public class SubjectKeyController {

    public static final String ADMIN = "admin";

    private final SubjectKeys keys;
    private final LedgerGateway gateway;
    private final ViewReads views;

    public SubjectKeyController(SubjectKeys keys, LedgerGateway gateway, ViewReads views) {
        this.keys = keys;
        this.gateway = gateway;
        this.views = views;
    }

    @DeleteMapping("/{subjectId}/key")
    Mono<Map<String, Object>> shred(@AuthenticationPrincipal Jwt jwt, @PathVariable String subjectId) {
        Params.id("subjectId", subjectId);
        Caller caller = Caller.of(jwt);
        if (!caller.has(ADMIN)) throw new Forbidden("Deleting a data subject's key needs the role admin");
        Caller acting = new Caller(caller.sub(), caller.bureau() == null ? ADMIN : caller.bureau(), caller.division(), caller.roles());
        return Mono.fromCallable(() -> keys.known(subjectId)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(known -> {
                    if (!known) return Mono.error(new NotFound("No data subject " + subjectId + " has personal data in the ledger"));
                    // recorded in the case's own stream, so no command on the case comes after it unseen (ShredPartyData)
                    return gateway.send(acting, new ShredPartyData(subjectId));
                })
                .flatMap(position -> Mono.fromRunnable(() -> keys.delete(subjectId)).subscribeOn(Schedulers.boundedElastic())
                        // the case view holds the subject's data opened until it folds the shredding: answered once it has, so a
                        // read after the answer reads shredded (a sweep from outside, stop 84: 19 of 87 reads right after the 200
                        // answered the name and ID number under load)
                        .then(views.await(position, CaseViewProjection.PROCESSING_GROUP).thenReturn(true)
                                .onErrorResume(ViewBehind.class, behind -> Mono.just(false)))
                        .map(folded -> {
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("subjectId", subjectId);
                            body.put("shredded", true);
                            body.put("position", position);
                            if (!folded) {
                                body.put("caseView", "still catching up: the key is deleted, and a read sent with ?position=" + position
                                        + " waits until the case view reads shredded");
                            }
                            return body;
                        }));
    }
}
