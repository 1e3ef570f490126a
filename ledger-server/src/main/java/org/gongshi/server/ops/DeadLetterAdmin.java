package org.gongshi.server.ops;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.gongshi.api.problem.NotFound;
import org.gongshi.server.axon.ProcessorErrorHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Dead letters, for administrators (role {@code admin}): list them, retry one sequence (the failed
 * event and every later one of the same case or listing, in order), or evict one sequence for good.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
public class DeadLetterAdmin {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdmin.class);
    /** Bounds on a listing: sequences per processor, letters per sequence. */
    static final int MAX_SEQUENCES = 100;
    static final int MAX_LETTERS = 100;

    private final EventProcessingConfiguration processing;
    private final Processors processors;

    public DeadLetterAdmin(EventProcessingConfiguration processing, Processors processors) {
        this.processing = processing;
        this.processors = processors;
    }

    public record Letter(String messageId, String type, Long globalIndex, Instant enqueuedAt, Instant lastTouched, String cause) {}

    public record Sequence(String sequence, long size, List<Letter> letters) {}

    public record ProcessorLetters(String processor, long deadLetters, long sequences, List<Sequence> first) {}

    public record Retried(String processor, String sequence, boolean succeeded, long remaining) {}

    @GetMapping
    public Mono<List<ProcessorLetters>> list() {
        return blocking(() -> {
            List<ProcessorLetters> all = new ArrayList<>();
            for (String group : ProcessorErrorHandling.DEAD_LETTERED) {
                var queue = processing.deadLetterQueue(group);
                if (queue.isPresent()) all.add(lettersOf(group, queue.get()));
            }
            return all;
        });
    }

    @PostMapping("/{processor}/{sequence}/retry")
    public Mono<Retried> retry(@PathVariable String processor, @PathVariable String sequence) {
        return blocking(() -> {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
            requireSequence(queue, processor, sequence);
            var deadLetters = processing.sequencedDeadLetterProcessor(processor).orElseThrow(() -> new ResponseStatusException(
                    HttpStatus.CONFLICT, processors.notRunHere(processor)));
            String first = queue.deadLetterSequence(sequence).iterator().next().message().getIdentifier();
            boolean succeeded = deadLetters.process(letter -> letter.message().getIdentifier().equals(first));
            log.info("Retried dead letters of {} sequence {}: {}", processor, sequence, succeeded ? "applied" : "failed again");
            return new Retried(processor, sequence, succeeded, queue.sequenceSize(sequence));
        });
    }

    @DeleteMapping("/{processor}/{sequence}")
    public Mono<Retried> evict(@PathVariable String processor, @PathVariable String sequence) {
        return blocking(() -> {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
            requireSequence(queue, processor, sequence);
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            queue.deadLetterSequence(sequence).forEach(letters::add);
            letters.forEach(queue::evict);
            log.warn("Evicted {} dead letters of {} sequence {}: the view misses those events until it is rebuilt",
                    letters.size(), processor, sequence);
            return new Retried(processor, sequence, false, queue.sequenceSize(sequence));
        });
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        if (processor.length() > 100 || !ProcessorErrorHandling.DEAD_LETTERED.contains(processor)) {
            throw new NotFound("no dead-letter queue named '" + processor.substring(0, Math.min(100, processor.length()))
                    + "'; processors with one: " + ProcessorErrorHandling.DEAD_LETTERED);
        }
        return processing.deadLetterQueue(processor).orElseThrow(() -> new NotFound("no dead-letter queue for " + processor + " on this node"));
    }

    private static void requireSequence(SequencedDeadLetterQueue<EventMessage<?>> queue, String processor, String sequence) {
        if (sequence.length() > 200 || !queue.contains(sequence)) {
            throw new NotFound("processor " + processor + " holds no dead letters for sequence '"
                    + sequence.substring(0, Math.min(200, sequence.length())) + "'");
        }
    }

    private ProcessorLetters lettersOf(String group, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<Sequence> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (sequences.size() == MAX_SEQUENCES) break;
            List<Letter> letters = new ArrayList<>();
            String id = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (id == null) id = sequenceOf(group, letter);
                if (letters.size() == MAX_LETTERS) break;
                EventMessage<?> message = letter.message();
                Long index = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken().position().isPresent()
                        ? tracked.trackingToken().position().getAsLong() : null;
                letters.add(new Letter(message.getIdentifier(), message.getPayloadType().getSimpleName(), index, letter.enqueuedAt(),
                        letter.lastTouched(), letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null)));
            }
            if (id != null) sequences.add(new Sequence(id, queue.sequenceSize(id), letters));
        }
        return new ProcessorLetters(group, queue.size(), queue.amountOfSequences(), sequences);
    }

    /** The sequence a letter belongs to, as the processor's sequencing policy names it (the case or listing). */
    private String sequenceOf(String group, DeadLetter<? extends EventMessage<?>> letter) {
        return Objects.toString(processing.sequencingPolicy(group).getSequenceIdentifierFor(letter.message()), null);
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
