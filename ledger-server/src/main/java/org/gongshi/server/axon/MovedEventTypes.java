package org.gongshi.server.axon;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.gongshi.ledger.cases.event.CaseEvent;
import org.gongshi.ledger.cases.event.DecisionDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DisclosureDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DoublePublicityDeadlineMissed;
import org.gongshi.ledger.disclosure.event.WithdrawalDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DisclosureEvent;
import org.gongshi.ledger.listings.event.ListEntrySlotOccupied;
import org.gongshi.ledger.listings.event.ListEntrySlotVacated;
import org.gongshi.ledger.listings.event.ListingEvent;

import java.util.Arrays;
import java.util.Set;
import org.gongshi.ledger.cases.event.CaseDismissed;
import org.gongshi.ledger.cases.event.ChallengeEnded;
import org.gongshi.ledger.cases.event.ChallengeFiled;
import org.gongshi.ledger.cases.event.DecisionServed;
import org.gongshi.ledger.cases.event.HearingScheduled;
import org.gongshi.ledger.cases.event.TransferDeadlines;
import org.gongshi.ledger.cases.event.TransferReturned;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Events are stored under their class names. Until the ledger's structure commit every event lived in
 * its capability's package ({@code org.gongshi.ledger.cases.CaseFiled}); now they live in its
 * {@code event} package ({@code org.gongshi.ledger.cases.event.CaseFiled}). This upcaster reads the
 * old names as the new ones, so a store written before the move still loads every aggregate and
 * rebuilds every projection. The content is unchanged: only the type name moves.
 */
public class MovedEventTypes extends SingleEventUpcaster {

    private static final String LEDGER = "org.gongshi.ledger.";

    /** Old stored type name → current class name. */
    private final Map<String, String> renamed;

    public MovedEventTypes() {
        this.renamed = Stream.of(
                        moved("cases", CaseEvent.class.getPermittedSubclasses()),
                        moved("disclosure", DisclosureEvent.class.getPermittedSubclasses()),
                        moved("listings", ListingEvent.class.getPermittedSubclasses()),
                        moved("listings", ListEntrySlotOccupied.class, ListEntrySlotVacated.class))
                .flatMap(Function.identity())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Events first recorded after the move, born in their {@code event} package (the deadline mechanism's,
     * and issue 14's acts): they were never stored under an old name.
     */
    private static final Set<Class<?>> BORN_AFTER_THE_MOVE = Set.of(DecisionDeadlineMissed.class, DisclosureDeadlineMissed.class,
            DoublePublicityDeadlineMissed.class, WithdrawalDeadlineMissed.class, DecisionServed.class, ChallengeFiled.class,
            ChallengeEnded.class, CaseDismissed.class, TransferDeadlines.class, TransferReturned.class, HearingScheduled.class,
            org.gongshi.ledger.cases.event.CrimeSuspected.class, org.gongshi.ledger.cases.event.TransferApproved.class,
            org.gongshi.ledger.cases.event.TransferNotApproved.class, org.gongshi.ledger.cases.event.TransferDeadlineMissed.class);

    /** The old stored name of each event, in package {@code org.gongshi.ledger.<capability>}, and its class now. */
    private static Stream<Map.Entry<String, String>> moved(String capability, Class<?>... events) {
        return Arrays.stream(events).filter(event -> !BORN_AFTER_THE_MOVE.contains(event)).map(event -> Map.entry(LEDGER + capability + "." + event.getSimpleName(), event.getName()));
    }

    /** The renames this upcaster applies, old name → new name. */
    public Map<String, String> renamed() {
        return renamed;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return renamed.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String newName = renamed.get(representation.getType().getName());
        return representation.upcast(new SimpleSerializedType(newName, representation.getType().getRevision()),
                byte[].class, Function.<byte[]>identity(), Function.<MetaData>identity());
    }
}
