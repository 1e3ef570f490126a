package org.gongshi.api.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gongshi.api.security.Caller;
import org.gongshi.ledger.vocabulary.MetadataKeys;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

/**
 * Sends commands to the ledger with the caller as metadata ({@code bureau}, {@code actor}), off the
 * Netty event loop: the local command bus runs the handler and the event-store append on the
 * calling thread. Answers the ledger position a read must wait for to see the command's events.
 */
public class LedgerGateway {

    private final CommandGateway commandGateway;
    private final LedgerPositions positions;

    public LedgerGateway(CommandGateway commandGateway, LedgerPositions positions) {
        this.commandGateway = commandGateway;
        this.positions = positions;
    }

    /**
     * Sends {@code command}; emits the ledger's head once it completed, at or after its last event.
     * No timeout here: the caller waits detached ({@code IdempotentCommands}), because cancelling
     * this would interrupt the thread appending the command's events.
     */
    public Mono<Long> send(Caller caller, Object command) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(MetadataKeys.BUREAU, caller.bureau(), MetadataKeys.ACTOR, caller.sub()));
        return Mono.defer(() -> Mono.fromFuture(commandGateway.send(message)))
                .subscribeOn(Schedulers.boundedElastic())
                .then(head());
    }

    /** The ledger's head: a read that waits for it sees every event committed before now. */
    public Mono<Long> head() {
        return Mono.fromCallable(positions::head).subscribeOn(Schedulers.boundedElastic());
    }
}
