package org.gongshi.projections;

import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.projections.cases.ShreddedFold;
import org.gongshi.projections.cases.CaseViews;
import org.gongshi.projections.feed.FeedLog;
import org.gongshi.projections.feed.FeedLogProjection;
import org.gongshi.projections.listings.ListingViewProjection;
import org.gongshi.projections.listings.ListingViews;
import org.gongshi.projections.listings.PenaltyHistory;
import org.gongshi.projections.listings.PenaltyHistoryProjection;
import org.springframework.beans.factory.annotation.Value;
import org.gongshi.projections.publicrecords.PublicRecordProjection;
import org.gongshi.projections.publicrecords.PublicRecords;
import org.gongshi.projections.ledger.LedgerLeaves;
import org.gongshi.projections.ledger.LedgerTreeProjection;
import org.gongshi.projections.ledger.StoredForm;
import org.gongshi.projections.stats.FigureCounters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The projections role: the event handlers that build the read models. */
@Configuration(proxyBeanMethods = false)
public class ProjectionsConfiguration {

    @Bean
    CaseViewProjection caseViewProjection(CaseViews caseViews, FigureCounters figureCounters,
                                          org.springframework.beans.factory.ObjectProvider<ShreddedFold> shreddedFold) {
        return new CaseViewProjection(caseViews, figureCounters, shreddedFold.getIfAvailable());
    }

    @Bean
    FeedLogProjection feedLogProjection(FeedLog feedLog, @Value("${gongshi.feed.source:urn:gongshi:ledger}") String source) {
        return new FeedLogProjection(feedLog, source);
    }

    /** Every event into the ledger tree, its payload as the event store holds it. */
    @Bean
    LedgerTreeProjection ledgerTreeProjection(LedgerLeaves ledgerLeaves, StoredForm storedForm) {
        return new LedgerTreeProjection(ledgerLeaves, storedForm);
    }

    @Bean
    ListingViewProjection listingViewProjection(ListingViews listingViews) {
        return new ListingViewProjection(listingViews);
    }

    @Bean
    PenaltyHistoryProjection penaltyHistoryProjection(PenaltyHistory penaltyHistory) {
        return new PenaltyHistoryProjection(penaltyHistory);
    }

    @Bean
    PublicRecordProjection publicRecordProjection(PublicRecords publicRecords) {
        return new PublicRecordProjection(publicRecords);
    }
}
