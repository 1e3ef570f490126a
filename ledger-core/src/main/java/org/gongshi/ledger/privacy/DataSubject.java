package org.gongshi.ledger.privacy;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.gongshi.ledger.privacy.command.ShredSubject;
import org.gongshi.ledger.privacy.event.SubjectShredded;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A data subject (the party of a case, by the case id): records once that its personal data was
 * shredded. Shredding again changes nothing, so a retried request is safe.
 */
public class DataSubject {

    @AggregateIdentifier
    private String subjectId;
    private boolean shredded;

    protected DataSubject() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ShredSubject command, Clock clock) {
        if (shredded) return;
        apply(new SubjectShredded(command.subjectId(), clock.instant()));
    }

    @EventSourcingHandler
    void on(SubjectShredded event) {
        subjectId = ShredSubject.aggregateId(event.subjectId());
        shredded = true;
    }
}
