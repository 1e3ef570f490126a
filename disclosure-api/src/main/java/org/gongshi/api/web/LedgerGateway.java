package org.gongshi.api.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gongshi.api.security.Caller;
import org.gongshi.ledger.vocabulary.MetadataKeys;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;

/**
 * Sends commands to the ledger with the caller as metadata ({@code bureau}, {@code actor}), off the
 * Netty event loop: the local command bus runs the handler and the event-store append on the
 * calling thread.
 */
public class LedgerGateway {

    private final CommandGateway commandGateway;

    public LedgerGateway(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public Mono<Void> send(Caller caller, Object command) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(MetadataKeys.BUREAU, caller.bureau(), MetadataKeys.ACTOR, caller.sub()));
        return Mono.defer(() -> Mono.fromFuture(commandGateway.send(message)))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(Duration.ofSeconds(30))
                .then();
    }
}
