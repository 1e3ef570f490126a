package org.gongshi.server.schedule;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gongshi.ledger.disclosure.command.ExpireDisclosure;
import org.gongshi.ledger.listings.command.ExpireListing;
import org.gongshi.projections.listings.ListingViews;
import org.gongshi.projections.publicrecords.PublicRecordView;
import org.gongshi.projections.publicrecords.PublicRecords;
import org.gongshi.server.roles.ConditionalOnRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The command role's scheduler: when a public record's publicity period or a credit-list entry's
 * term has ended, it issues the (idempotent) expiry command, so {@code DisclosureExpired} and
 * {@code ListingRemoved} (TERM_EXPIRED) are events of the ledger, not filters applied when reading.
 * Runs shortly after start and then every {@code gongshi.expiry.interval} (default one minute: a
 * record leaves the public listing within a minute of its period ending, at the cost of two
 * index-backed queries a minute).
 */
@Component
@ConditionalOnRole("command")
public class ExpiryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ExpiryScheduler.class);
    private static final int BATCH = 500;

    private final CommandGateway commands;
    private final PublicRecords publicRecords;
    private final ListingViews listings;
    private final Clock clock;

    public ExpiryScheduler(CommandGateway commands, PublicRecords publicRecords, ListingViews listingViews, Clock ledgerClock) {
        this.commands = commands;
        this.publicRecords = publicRecords;
        this.listings = listingViews;
        this.clock = ledgerClock;
    }

    @Scheduled(initialDelayString = "${gongshi.expiry.initial-delay:PT10S}", fixedDelayString = "${gongshi.expiry.interval:PT1M}")
    public void run() {
        LocalDate today = LocalDate.now(clock);
        int expired = expireDueRecords(today);
        if (expired > 0) log.info("Expiry: {} public records reached the end of their publicity period", expired);
        int ended = expireDueListings(today);
        if (ended > 0) log.info("Expiry: {} credit-list entries reached the end of their term", ended);
    }

    /** Sends an expiry command for each list entry whose term ended before {@code today}; returns how many. */
    public int expireDueListings(LocalDate today) {
        int sent = 0;
        for (String listingId : listings.dueForExpiry(today, BATCH)) {
            try {
                commands.sendAndWait(new ExpireListing(listingId, today));
                sent++;
            } catch (RuntimeException e) {
                log.warn("Expiry of listing {} failed; will retry next run: {}", listingId, e.getMessage());
            }
        }
        return sent;
    }

    /**
     * Sends an expiry command for each record due on {@code today} (up to a batch; the next run takes
     * the rest once the read model has caught up); returns how many were sent.
     */
    public int expireDueRecords(LocalDate today) {
        int sent = 0;
        for (PublicRecordView record : publicRecords.dueForExpiry(today, BATCH)) {
            try {
                commands.sendAndWait(new ExpireDisclosure(record.caseId(), today));
                sent++;
            } catch (RuntimeException e) {
                log.warn("Expiry of record {} (case {}) failed; will retry next run: {}", record.recordId(), record.caseId(), e.getMessage());
            }
        }
        return sent;
    }
}
