package org.gongshi.server.roles;

import org.gongshi.api.ApiConfiguration;
import org.gongshi.api.dev.DevTokenController;
import org.gongshi.api.security.SecurityConfiguration;
import org.gongshi.ledger.cases.Case;
import org.gongshi.ledger.listings.ListEntrySlot;
import org.gongshi.ledger.listings.ListEntrySlots;
import org.gongshi.ledger.listings.Listing;
import org.gongshi.ledger.listings.ListingBasisWatch;
import org.gongshi.ledger.listings.ListingProposals;
import org.gongshi.ledger.listings.event.ListType;
import org.springframework.beans.factory.ObjectProvider;
import java.time.LocalDate;
import org.gongshi.projections.ProjectionsConfiguration;
import org.gongshi.projections.ReadModelConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Switches the parts of the ledger on by role ({@code gongshi.roles}). */
public final class RoleConfigurations {

    private RoleConfigurations() {
    }

    /** Always: the read models every role reads, and token security for whatever endpoints are up. */
    @Configuration(proxyBeanMethods = false)
    @Import({ReadModelConfiguration.class, SecurityConfiguration.class})
    static class ReadModels {
    }

    /** command: the aggregates that decide, and (later) the schedulers that issue due commands. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole("command")
    static class CommandRole {
        @Bean
        ConfigurerModule caseAggregate() {
            return configurer -> configurer.configureAggregate(Case.class);
        }

        /**
         * Credit lists: the listing and the subject's place on each list (one active entry per list),
         * the proposal handler that spans both, and the process manager that removes a listing
         * whose basis decision is revoked. Sagas are stored in MongoDB (AxonWiring#sagaStore).
         */
        @Bean
        ConfigurerModule creditLists(ListEntrySlots listEntrySlots) {
            return configurer -> {
                configurer.configureAggregate(Listing.class);
                configurer.configureAggregate(ListEntrySlot.class);
                configurer.registerCommandHandler(c -> new ListingProposals(c.repository(Listing.class), listEntrySlots));
                configurer.eventProcessing().registerSaga(ListingBasisWatch.class);
            };
        }

        /**
         * The subjects' places on the lists, as listing command handlers take them (a bean, so the
         * handler parameter resolves); backed by the {@link ListEntrySlot} repository, looked up on
         * first use because the repository exists only once the Axon configuration is built.
         */
        @Bean
        ListEntrySlots listEntrySlots(ObjectProvider<org.axonframework.config.Configuration> axon) {
            return new ListEntrySlots() {
                private volatile ListEntrySlots delegate;

                private ListEntrySlots delegate() {
                    if (delegate == null) delegate = ListEntrySlots.backedBy(axon.getObject().repository(ListEntrySlot.class));
                    return delegate;
                }

                @Override
                public void occupy(ListType listType, String uscc, String listingId, LocalDate on) {
                    delegate().occupy(listType, uscc, listingId, on);
                }

                @Override
                public void vacate(ListType listType, String uscc, String listingId, LocalDate on, String because) {
                    delegate().vacate(listType, uscc, listingId, on, because);
                }
            };
        }
    }

    /** projections: the event handlers that build the read models. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole("projections")
    @Import(ProjectionsConfiguration.class)
    static class ProjectionsRole {
    }

    /** api: the WebFlux endpoints. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole("api")
    @Import(ApiConfiguration.class)
    static class ApiRole {

        /** POST /dev/tokens, only where the embedded default enables it. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnProperty(name = "gongshi.security.dev-tokens", havingValue = "true")
        @Import(DevTokenController.class)
        static class DevTokens {
        }
    }
}
