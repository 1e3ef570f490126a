package org.gongshi.api.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.gongshi.api.idempotency.IdempotentCommands;
import org.gongshi.api.problem.Forbidden;
import org.gongshi.api.security.Caller;
import org.gongshi.ledger.vocabulary.MetadataKeys;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends commands to the ledger with the caller as metadata ({@code bureau}, {@code actor}), off the
 * Netty event loop: the local command bus runs the handler and the event-store append on the
 * calling thread. Answers the ledger position a read must wait for to see the command's events.
 */
public class LedgerGateway {

    private final CommandGateway commandGateway;
    private final LedgerPositions positions;
    private final EventStore events;

    public LedgerGateway(CommandGateway commandGateway, LedgerPositions positions, EventStore events) {
        this.commandGateway = commandGateway;
        this.positions = positions;
        this.events = events;
    }

    /**
     * Sends {@code command}; emits the ledger's head once it completed, at or after its last event. The
     * ledger's clock stamps when it is recorded (a dispatch interceptor); a historical import
     * ({@link HistoricalImport}) is marked for an officer and refused for anyone else.
     * No timeout here: the caller waits detached ({@code IdempotentCommands}), because cancelling
     * this would interrupt the thread appending the command's events.
     */
    public Mono<Long> send(Caller caller, Object command) {
        return sendForResult(caller, command).map(Sent::position);
    }

    /** What a command's handler answered (null for most), and the ledger's head once it completed. */
    public record Sent(Object result, long position) {}

    /** As {@link #send}, with what the command's handler answered (a challenge's number). */
    public Mono<Sent> sendForResult(Caller caller, Object command) {
        return Mono.deferContextual(context -> {
                    Map<String, Object> metaData = new HashMap<>(Map.of(MetadataKeys.BUREAU, caller.bureau(), MetadataKeys.ACTOR, caller.sub()));
                    IdempotentCommands.request(context).ifPresent(request -> metaData.put(MetadataKeys.REQUEST, request));
                    if (HistoricalImport.requested(context)) {
                        if (!caller.has("officer")) {
                            return Mono.error(new Forbidden("only an officer may send a historical import (" + HistoricalImport.HEADER + ")"));
                        }
                        metaData.put(MetadataKeys.HISTORICAL_IMPORT, "true");
                    }
                    var message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
                    return Mono.fromFuture(commandGateway.send(message)).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(result -> head().map(position -> new Sent(result.orElse(null), position)));
    }

    /**
     * Whether the ledger holds an event that one of {@code aggregates} recorded for {@code request} (its metadata): the
     * command of a request whose answer a crash lost was recorded, and must not be sent again.
     */
    public Mono<Boolean> recorded(java.util.Collection<String> aggregates, String request) {
        return Mono.fromCallable(() -> aggregates.stream().anyMatch(aggregate -> events.readEvents(aggregate).asStream()
                        .anyMatch(event -> request.equals(event.getMetaData().get(MetadataKeys.REQUEST)))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The ledger's head: a read that waits for it sees every event committed before now. */
    public Mono<Long> head() {
        return Mono.fromCallable(positions::head).subscribeOn(Schedulers.boundedElastic());
    }
}
