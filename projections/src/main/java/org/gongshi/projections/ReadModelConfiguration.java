package org.gongshi.projections;

import com.mongodb.client.MongoDatabase;
import org.gongshi.projections.cases.CaseViews;
import org.gongshi.projections.feed.FeedLog;
import org.gongshi.projections.feed.TreeHeads;
import org.gongshi.projections.transparency.MerkleProofs;
import org.gongshi.projections.publicrecords.PublicRecords;
import org.gongshi.projections.privacy.SubjectKeys;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.projections.listings.ListingViews;
import org.gongshi.projections.listings.PenaltyHistory;
import org.gongshi.projections.stats.FigureCounters;
import org.gongshi.projections.stats.TargetFigures;
import org.gongshi.projections.ledger.LedgerLeaves;
import org.gongshi.projections.ledger.LedgerTree;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read models, as every role reads them. */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

    @Bean
    CaseViews caseViews(MongoDatabase readModelDatabase) {
        CaseViews views = new CaseViews(readModelDatabase);
        views.ensureIndexes();
        return views;
    }

    @Bean
    FeedLog feedLog(MongoDatabase readModelDatabase) {
        FeedLog log = new FeedLog(readModelDatabase);
        log.ensureIndexes();
        return log;
    }

    /** Proofs over the feed entries, as API nodes serve them; complete subtrees are cached as the log grows. */
    @Bean
    MerkleProofs feedProofs(FeedLog feedLog) {
        return new MerkleProofs(feedLog);
    }

    @Bean
    TreeHeads treeHeads(MongoDatabase readModelDatabase) {
        return new TreeHeads(readModelDatabase);
    }

    @Bean
    LedgerLeaves ledgerLeaves(MongoDatabase readModelDatabase) {
        LedgerLeaves leaves = new LedgerLeaves(readModelDatabase);
        leaves.ensureIndexes();
        return leaves;
    }

    /** The event ledger's tree (every event), with its own origin, heads and keys beside the feed's. */
    @Bean
    LedgerTree ledgerTree(LedgerLeaves ledgerLeaves, MongoDatabase readModelDatabase,
                          @Value("${gongshi.ledger.origin:gongshi.local/ledger}") String origin) {
        return new LedgerTree(ledgerLeaves, new MerkleProofs(ledgerLeaves), new TreeHeads(readModelDatabase, LedgerTree.LOG), origin);
    }

    @Bean
    ListingViews listingViews(MongoDatabase readModelDatabase) {
        ListingViews views = new ListingViews(readModelDatabase);
        views.ensureIndexes();
        return views;
    }

    @Bean
    PenaltyHistory penaltyHistory(MongoDatabase readModelDatabase, ListingViews listingViews, Rulebook rulebook) {
        PenaltyHistory history = new PenaltyHistory(readModelDatabase, listingViews, rulebook);
        history.ensureIndexes();
        return history;
    }

    /** The target figures' counters, kept by the case-views projection, read by the statistics. */
    @Bean
    FigureCounters figureCounters(MongoDatabase readModelDatabase) {
        return new FigureCounters(readModelDatabase);
    }

    @Bean
    TargetFigures targetFigures(CaseViews caseViews, FigureCounters figureCounters) {
        return new TargetFigures(caseViews, figureCounters);
    }

    /** The data subjects' keys, outside the event store (crypto-shredding). */
    @Bean
    SubjectKeys subjectKeys(MongoDatabase readModelDatabase) {
        return new SubjectKeys(readModelDatabase, java.time.Clock.systemUTC());
    }

    @Bean
    PublicRecords publicRecords(MongoDatabase readModelDatabase) {
        PublicRecords records = new PublicRecords(readModelDatabase);
        records.ensureIndexes();
        records.addSearchNames(); // once, for records written before they had a search name, province keys, keys normalised as queries are
        return records;
    }
}
