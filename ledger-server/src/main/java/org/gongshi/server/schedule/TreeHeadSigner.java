package org.gongshi.server.schedule;

import org.gongshi.projections.feed.FeedLog;
import org.gongshi.projections.feed.TreeHeads;
import org.gongshi.projections.transparency.MerkleTree;
import org.gongshi.projections.transparency.SigningKeys;
import org.gongshi.server.roles.ConditionalOnRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The projections role signs a tree head of the public feed whenever it has grown (checked every
 * {@code gongshi.feed.sign-interval}). The Ed25519 key comes from {@code gongshi.feed.signer-key}
 * (a C2SP signer key, required in production) or, in the embedded default, from a key file
 * generated once under the data directory.
 */
@Component
@ConditionalOnRole("projections")
public class TreeHeadSigner {

    private static final Logger log = LoggerFactory.getLogger(TreeHeadSigner.class);

    private final FeedLog feed;
    private final MerkleTree tree;
    private final TreeHeads heads;
    private final SigningKeys keys;
    private final String origin;
    private final Clock clock;

    public TreeHeadSigner(FeedLog feedLog, MerkleTree feedTree, TreeHeads treeHeads, Clock ledgerClock,
                          @Value("${gongshi.feed.origin:gongshi.local/feed}") String origin,
                          @Value("${gongshi.feed.signer-key:}") String signerKey,
                          @Value("${gongshi.feed.retired-verifier-keys:}") String retired,
                          @Value("${gongshi.data-dir:./data}") String dataDir) {
        this.feed = feedLog;
        this.tree = feedTree;
        this.heads = treeHeads;
        this.origin = origin;
        this.clock = ledgerClock;
        List<String> retiredKeys = Arrays.stream(retired.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.keys = SigningKeys.load(signerKey, Path.of(dataDir).resolve("keys"), origin, retiredKeys);
        heads.publishKeys(keys);
        log.info("Feed tree heads are signed by {}", keys.currentVerifierKey());
    }

    @Scheduled(initialDelayString = "${gongshi.feed.sign-initial-delay:PT1S}", fixedDelayString = "${gongshi.feed.sign-interval:PT2S}")
    public void run() {
        try {
            signNow();
        } catch (IllegalStateException e) {
            // the feed is being rebuilt under us (entries cleared and re-appended): sign next time
            log.info("Tree head not signed this time: {}", e.getMessage());
        }
    }

    /** Signs the current feed, if it grew since the last head; returns the latest head. */
    public TreeHeads.SignedTreeHead signNow() {
        return heads.signIfGrown(tree, feed.size(), keys.current(), origin, Instant.now(clock));
    }
}
