package org.gongshi.server.axon;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every event class that moved to an {@code event} package is read under its old stored name. */
class MovedEventTypesTest {

    final Map<String, String> renamed = new MovedEventTypes().renamed();

    @Test
    void every_event_of_the_case_its_public_record_and_the_lists_is_renamed_from_its_old_package() {
        assertThat(renamed).hasSize(14 + 5 + 11 + 2)
                .containsEntry("org.gongshi.ledger.cases.CaseFiled", "org.gongshi.ledger.cases.event.CaseFiled")
                .containsEntry("org.gongshi.ledger.cases.DecisionRevised", "org.gongshi.ledger.cases.event.DecisionRevised")
                .containsEntry("org.gongshi.ledger.disclosure.DisclosureDecided", "org.gongshi.ledger.disclosure.event.DisclosureDecided")
                .containsEntry("org.gongshi.ledger.disclosure.PublicationTerminated", "org.gongshi.ledger.disclosure.event.PublicationTerminated")
                .containsEntry("org.gongshi.ledger.listings.ListingAdded", "org.gongshi.ledger.listings.event.ListingAdded")
                .containsEntry("org.gongshi.ledger.listings.ListEntrySlotVacated", "org.gongshi.ledger.listings.event.ListEntrySlotVacated");
    }

    @Test
    void each_new_name_is_a_class_and_no_old_name_is_one() {
        renamed.forEach((old, now) -> {
            assertThat(now).isEqualTo(old.substring(0, old.lastIndexOf('.')) + ".event" + old.substring(old.lastIndexOf('.')));
            assertThatThrownBy(() -> Class.forName(old)).isInstanceOf(ClassNotFoundException.class);
            assertThat(classExists(now)).as(now).isTrue();
        });
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
