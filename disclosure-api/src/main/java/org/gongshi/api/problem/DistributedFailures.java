package org.gongshi.api.problem;

import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.axonserver.connector.command.AxonServerNonTransientRemoteCommandHandlingException;
import org.axonframework.axonserver.connector.command.AxonServerRemoteCommandHandlingException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * What a failure of a command routed through Axon Server means for the caller (DESIGN.md, stack
 * notes). Two commands on one aggregate from two command nodes meet in Axon Server as
 * {@code AXONIQ-2000} (invalid event sequence); the loser reaches the gateway as a remote
 * exception whose code or descriptions name it: a conflict, 409. A command node lost mid-command,
 * no node to handle it, or no connection to Axon Server: the ledger is briefly unavailable, 503
 * with {@code Retry-After}. A command on an id no event names, or one of another kind of stream: no such case or listing,
 * 404, on this node as Axon's exceptions and from a remote command node as their text only ({@code AXONIQ-4005}) (a sweep against Axon Server SE 2023.2.1 found it
 * answered 500). Everything else is not a distributed failure.
 */
public final class DistributedFailures {

    public enum Meaning { CONFLICT, UNAVAILABLE, NOT_FOUND }

    /** Error codes meaning another command changed the aggregate first. */
    static final Set<String> CONFLICT_CODES = Set.of(ErrorCode.INVALID_EVENT_SEQUENCE.errorCode(),
            ErrorCode.CONCURRENCY_EXCEPTION.errorCode());
    /** Error codes meaning the command may not have reached, or may not have finished on, a command node. */
    static final Set<String> UNAVAILABLE_CODES = Set.of(ErrorCode.CONNECTION_FAILED.errorCode(),
            ErrorCode.NO_HANDLER_FOR_COMMAND.errorCode(), ErrorCode.COMMAND_DISPATCH_ERROR.errorCode(),
            ErrorCode.NO_EVENT_STORE_MASTER_AVAILABLE.errorCode());
    /**
     * A remote failure crosses Axon Server as {@code AXONIQ-4002} with only its causes' messages
     * (class names where a message is null): Axon Server's own text for {@code AXONIQ-2000}, the
     * JDBC store's for a duplicate sequence, or the names of the conflict exceptions.
     */
    private static final List<String> CONFLICT_TEXTS = List.of("invalid sequence number", "was already inserted",
            ErrorCode.INVALID_EVENT_SEQUENCE.errorCode().toLowerCase(), ConcurrencyException.class.getName().toLowerCase(),
            AggregateStreamCreationException.class.getName().toLowerCase());

    /**
     * A remote command node's failure to find the aggregate a command names: the texts of Axon's
     * {@code AggregateNotFoundException} for an id no event names and of its {@code IncompatibleAggregateException} for an
     * id of another kind of stream (a listing's at a case's path), which {@code DistributedFailuresTest} takes from Axon's
     * own repository, or the class names that stand for a failure without a message.
     */
    private static final List<String> NOT_FOUND_TEXTS = List.of("The aggregate was not found in the event store",
            "Aggregate identifier must be non-null after applying an event",
            AggregateNotFoundException.class.getName(), IncompatibleAggregateException.class.getName());

    private DistributedFailures() {
    }

    /** The meaning of {@code error} or of the first cause that has one; {@code null} if none has. */
    public static Meaning of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Meaning meaning = ofOne(t);
            if (meaning != null) return meaning;
        }
        return null;
    }

    private static Meaning ofOne(Throwable t) {
        if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) return Meaning.CONFLICT;
        // an id of another kind of stream (a listing's at a case's path, a decision number's reservation) is none of the kind
        // asked for, answered word for word as an unused id (outside audit: a 500, then a 404 worded otherwise, so an oracle of
        // another bureau's decision numbers); on this node as the exceptions, from a remote one as their text
        if (t instanceof AggregateNotFoundException || t instanceof IncompatibleAggregateException) return Meaning.NOT_FOUND;
        if (t instanceof CommandExecutionException && t.getMessage() != null && NOT_FOUND_TEXTS.stream().anyMatch(t.getMessage()::contains)) {
            return Meaning.NOT_FOUND;
        }
        if (t instanceof AxonServerException server) return byCode(server.code(), Meaning.UNAVAILABLE);
        if (t instanceof AxonServerRemoteCommandHandlingException remote) return remote(remote.getErrorCode(), remote.getExceptionDescriptions());
        if (t instanceof AxonServerNonTransientRemoteCommandHandlingException remote) {
            return remote(remote.getErrorCode(), remote.getExceptionDescriptions());
        }
        if (t instanceof AxonServerCommandDispatchException dispatch) return byCode(dispatch.getErrorCode(), Meaning.UNAVAILABLE);
        if (t instanceof NoHandlerForCommandException || t instanceof CommandDispatchException) return Meaning.UNAVAILABLE;
        if (t instanceof TimeoutException) return Meaning.UNAVAILABLE;
        if (t.getClass().getName().equals("io.grpc.StatusRuntimeException") && String.valueOf(t.getMessage()).startsWith("UNAVAILABLE")) {
            return Meaning.UNAVAILABLE;
        }
        return null;
    }

    /** A remote handler's failure: its code, else the exception descriptions it carries. */
    private static Meaning remote(String code, List<String> descriptions) {
        Meaning byCode = byCode(code, null);
        if (byCode != null) return byCode;
        for (String description : descriptions) {
            String text = description.toLowerCase();
            if (CONFLICT_TEXTS.stream().anyMatch(text::contains)) return Meaning.CONFLICT;
            if (UNAVAILABLE_CODES.stream().anyMatch(description::contains)) return Meaning.UNAVAILABLE;
            if (NOT_FOUND_TEXTS.stream().anyMatch(description::contains)) return Meaning.NOT_FOUND;
        }
        return null;
    }

    private static Meaning byCode(String code, Meaning otherwise) {
        if (code == null) return otherwise;
        if (CONFLICT_CODES.contains(code)) return Meaning.CONFLICT;
        if (UNAVAILABLE_CODES.contains(code)) return Meaning.UNAVAILABLE;
        return otherwise;
    }
}
