package org.gongshi.server.schedule;

import org.gongshi.projections.feed.FeedLog;
import org.gongshi.projections.feed.TreeHeads;
import org.gongshi.projections.transparency.LeafHashes;
import org.gongshi.projections.transparency.MerkleProofs;
import org.gongshi.projections.transparency.SigningKeys;
import org.gongshi.server.roles.ConditionalOnRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The projections role signs a tree head of the public feed whenever it has grown (checked every
 * {@code gongshi.feed.sign-interval}), and only if the grown feed provably extends the last signed
 * head; otherwise it signs nothing, logs an ERROR and raises {@link TreeHeads#integrityAlarm()}. The
 * Ed25519 key comes from {@code gongshi.feed.signer-key} (a C2SP signer key, required in production)
 * or, in the embedded default, from a key file generated once under the data directory.
 *
 * <p>The signer keeps its own subtree cache, never the one API nodes serve proofs from, and drops it
 * every {@code gongshi.feed.full-check-interval}: a leaf inside a memoised subtree is checked against
 * the signed heads again when the cache is rebuilt from the stored leaves.
 */
@Component
@ConditionalOnRole("projections")
public class TreeHeadSigner {

    private static final Logger log = LoggerFactory.getLogger(TreeHeadSigner.class);

    private final LeafHashes feed;
    private final String logName;
    private final TreeHeads heads;
    private final SigningKeys keys;
    private final String origin;
    private final Clock clock;
    private final long fullCheckNanos;
    private MerkleProofs tree;
    private long treeBuiltAt;
    private long lastSize;
    private TreeHeads.IntegrityAlarm reported;
    private MongoLease lease;

    @Autowired
    public TreeHeadSigner(FeedLog feedLog, TreeHeads treeHeads, Clock ledgerClock,
                          @Value("${gongshi.feed.origin:gongshi.local/feed}") String origin,
                          @Value("${gongshi.feed.signer-key:}") String signerKey,
                          @Value("${gongshi.feed.retired-verifier-keys:}") String retired,
                          @Value("${gongshi.feed.full-check-interval:PT1H}") Duration fullCheck,
                          @Value("${gongshi.data-dir}") String dataDir,
                          @Value("${gongshi.signing.generate-keys:true}") boolean generateKeys) {
        this("feed", feedLog, treeHeads, ledgerClock, origin,
                keys("gongshi.feed", signerKey, retired, Path.of(dataDir).resolve("keys"), origin, generateKeys), fullCheck);
    }

    /** A signer of any log's heads: {@code logName} names it in the log, {@code keys} sign them. */
    public TreeHeadSigner(String logName, LeafHashes leaves, TreeHeads treeHeads, Clock ledgerClock, String origin, SigningKeys keys,
                          Duration fullCheck) {
        this.logName = logName;
        this.feed = leaves;
        this.heads = treeHeads;
        this.origin = origin;
        this.clock = ledgerClock;
        this.fullCheckNanos = fullCheck.toNanos();
        this.keys = keys;
        try {
            heads.publishKeys(keys);
        } catch (IllegalStateException retired) {
            // named by its setting, in the start's short report
            throw new IllegalStateException("gongshi." + logName + ".signer-key: " + retired.getMessage(), retired);
        }
        heads.publishPending(); // a head signed just before a crash is readable again before this node serves
        log.info("The {}'s tree heads are signed by {}", logName, keys.currentVerifierKey());
    }

    /** The configured signer key, else the key file under {@code keyDirectory}; retired keys comma-separated. */
    public static SigningKeys keys(String settings, String signerKey, String retired, Path keyDirectory, String origin) {
        return keys(settings, signerKey, retired, keyDirectory, origin, true);
    }

    /**
     * The configured signer key; without one, the key file under {@code keyDirectory} (made on first use) only where
     * {@code generateKeys}. The distributed profile signs with configured keys only: a projections node started without them
     * made keys of its own, published them and retired the cluster's, whose nodes then refused to start (a review of the
     * distributed profile, stop 77).
     */
    public static SigningKeys keys(String settings, String signerKey, String retired, Path keyDirectory, String origin, boolean generateKeys) {
        if (!generateKeys && (signerKey == null || signerKey.isBlank())) {
            throw new IllegalStateException(settings + ".signer-key is not set, and this profile signs with a configured key only"
                    + " (gongshi.signing.generate-keys=false): give every projections node the same key, made with: java -jar"
                    + " ledger-server.jar keygen " + origin);
        }
        List<String> retiredKeys = Arrays.stream(retired.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            return SigningKeys.load(signerKey, keyDirectory, origin, retiredKeys);
        } catch (IllegalArgumentException malformed) {
            // named by its setting, in the start's short report (an operator's sweep, stop 74: a bean's stack trace)
            throw new IllegalArgumentException(settings + ".signer-key or " + settings + ".retired-verifier-keys: " + malformed.getMessage()
                    + " (a signer key is made with: java -jar ledger-server.jar keygen " + origin + ")", malformed);
        }
    }

    /** Signing runs on one projections node of a cluster at a time: the holder of this lease (renewed each run). */
    @Autowired
    void signOnOneNode(MongoDatabase readModelDatabase, @Value("${gongshi.feed.sign-lease:PT30S}") Duration ttl) {
        signOnOneNode(readModelDatabase, "tree-head-signer", ttl);
    }

    /** A clean stop gives the signing lease up, so a restarted or another node signs at once. */
    @jakarta.annotation.PreDestroy
    public void releaseLease() {
        if (lease != null) lease.release();
    }

    /** As above, under the lease {@code leaseName} (one per log). */
    public void signOnOneNode(MongoDatabase readModelDatabase, String leaseName, Duration ttl) {
        this.lease = new MongoLease(readModelDatabase, leaseName, ttl, Clock.systemUTC());
    }

    @Scheduled(initialDelayString = "${gongshi.feed.sign-initial-delay:PT1S}", fixedDelayString = "${gongshi.feed.sign-interval:PT2S}")
    public void run() {
        if (lease != null && !lease.hold()) return; // another node signs
        try {
            signNow();
        } catch (IllegalStateException e) {
            // entries missing under us (the feed is being rebuilt): try next time
            log.info("The {}'s tree head not signed this time: {}", logName, e.getMessage());
        }
    }

    /** Signs the current feed if it grew since the last head and extends it; says what was done. */
    public synchronized TreeHeads.Signing signNow() {
        long now = System.nanoTime();
        long size = feed.size();
        if (tree == null || now - treeBuiltAt >= fullCheckNanos || size < lastSize) {
            tree = new MerkleProofs(feed); // a log that shrank may come back with other leaves: read them all again
            treeBuiltAt = now;
        }
        lastSize = size;
        TreeHeads.Signing signing = heads.signIfGrown(tree, size, keys.current(), origin, Instant.now(clock));
        if (signing instanceof TreeHeads.Signing.Refused refused) {
            report(refused.alarm());
        }
        return signing;
    }

    /** One ERROR per distinct finding, not one per signing interval. */
    private void report(TreeHeads.IntegrityAlarm alarm) {
        if (reported != null && reported.treeSize() == alarm.treeSize() && reported.treeRoot().equals(alarm.treeRoot())
                && reported.signedSize() == alarm.signedSize()) {
            return;
        }
        reported = alarm;
        log.error("INTEGRITY ALARM: {} tree head not signed. The last signed head has size {} and root {}; the log now "
                        + "has size {} and root {}: {}. Nothing is signed until the log extends the signed head again.",
                logName, alarm.signedSize(), alarm.signedRoot(), alarm.treeSize(), alarm.treeRoot().isEmpty() ? "(none)" : alarm.treeRoot(),
                alarm.reason());
    }
}
