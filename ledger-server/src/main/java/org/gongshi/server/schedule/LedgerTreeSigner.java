package org.gongshi.server.schedule;

import com.mongodb.client.MongoDatabase;
import org.gongshi.projections.ledger.LedgerTree;
import org.gongshi.server.roles.ConditionalOnRole;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The projections role signs the event ledger's tree heads as it does the feed's ({@link TreeHeadSigner}):
 * only a grown tree that provably extends the last signed head, every head kept. Its key is its own,
 * named after its origin ({@code gongshi.ledger.origin}): {@code gongshi.ledger.signer-key}, or a key
 * file generated once under {@code <data-dir>/keys/ledger}.
 */
@Component
@ConditionalOnRole("projections")
public class LedgerTreeSigner {

    private final TreeHeadSigner signer;

    public LedgerTreeSigner(LedgerTree ledgerTree, Clock ledgerClock,
                            @Value("${gongshi.ledger.signer-key:}") String signerKey,
                            @Value("${gongshi.ledger.retired-verifier-keys:}") String retired,
                            @Value("${gongshi.feed.full-check-interval:PT1H}") Duration fullCheck,
                            @Value("${gongshi.data-dir}") String dataDir,
                            MongoDatabase readModelDatabase,
                            @Value("${gongshi.feed.sign-lease:PT30S}") Duration leaseTtl,
                            @Value("${gongshi.signing.generate-keys:true}") boolean generateKeys) {
        this.signer = new TreeHeadSigner("ledger", ledgerTree.leaves(), ledgerTree.heads(), ledgerClock, ledgerTree.origin(),
                TreeHeadSigner.keys("gongshi.ledger", signerKey, retired, Path.of(dataDir).resolve("keys").resolve("ledger"), ledgerTree.origin(),
                        generateKeys), fullCheck);
        signer.signOnOneNode(readModelDatabase, "ledger-tree-signer", leaseTtl);
    }

    @Scheduled(initialDelayString = "${gongshi.feed.sign-initial-delay:PT1S}", fixedDelayString = "${gongshi.feed.sign-interval:PT2S}")
    public void run() {
        signer.run();
    }

    @jakarta.annotation.PreDestroy
    void releaseLease() {
        signer.releaseLease();
    }

    /** Signs now if the ledger grew; what TreeHeadSigner#signNow says. */
    public org.gongshi.projections.feed.TreeHeads.Signing signNow() {
        return signer.signNow();
    }
}
