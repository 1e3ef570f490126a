package org.gongshi.server.health;

import org.gongshi.projections.feed.TreeHeads;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code feedIntegrity} in {@code /actuator/health}: DOWN, with what was signed and what the feed
 * holds now, once the signer has refused a tree that does not extend its last signed head.
 */
@Configuration(proxyBeanMethods = false)
public class FeedIntegrityHealth {

    @Bean
    HealthIndicator feedIntegrityHealthIndicator(TreeHeads treeHeads) {
        return () -> treeHeads.integrityAlarm()
                .map(alarm -> Health.down()
                        .withDetail("signedSize", alarm.signedSize()).withDetail("signedRoot", alarm.signedRoot())
                        .withDetail("treeSize", alarm.treeSize()).withDetail("treeRoot", alarm.treeRoot())
                        .withDetail("reason", alarm.reason()).withDetail("since", alarm.since().toString())
                        .withDetail("refusals", alarm.refusals()).build())
                .orElseGet(() -> Health.up().withDetail("signedSize", treeHeads.latest().map(TreeHeads.SignedTreeHead::treeSize).orElse(-1L)).build());
    }
}
