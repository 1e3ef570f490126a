package org.gongshi.server.schedule;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gongshi.ledger.disclosure.ExpireDisclosure;
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
 * The command role's scheduler: when a public record's publicity period has ended, it issues the
 * (idempotent) expiry command, so {@code DisclosureExpired} is an event of the ledger, not a filter
 * applied when reading. Runs shortly after start and then every {@code gongshi.expiry.interval}.
 */
@Component
@ConditionalOnRole("command")
public class ExpiryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ExpiryScheduler.class);
    private static final int BATCH = 500;

    private final CommandGateway commands;
    private final PublicRecords publicRecords;
    private final Clock clock;

    public ExpiryScheduler(CommandGateway commands, PublicRecords publicRecords, Clock ledgerClock) {
        this.commands = commands;
        this.publicRecords = publicRecords;
        this.clock = ledgerClock;
    }

    @Scheduled(initialDelayString = "${gongshi.expiry.initial-delay:PT10S}", fixedDelayString = "${gongshi.expiry.interval:PT1H}")
    public void run() {
        int expired = expireDueRecords(LocalDate.now(clock));
        if (expired > 0) log.info("Expiry: {} public records reached the end of their publicity period", expired);
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
