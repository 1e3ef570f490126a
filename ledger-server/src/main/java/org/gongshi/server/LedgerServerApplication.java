package org.gongshi.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Gongshi ledger server. Without a profile it runs the embedded default (one JVM, data under
 * {@code ./data}); with {@code spring.profiles.active=distributed} it joins Axon Server and MongoDB.
 */
@SpringBootApplication
@EnableScheduling
public class LedgerServerApplication {

    public static void main(String[] args) {
        disableUpdateChecker();
        SpringApplication.run(LedgerServerApplication.class, args);
    }

    /** Axon's update checker would try to reach the internet. */
    public static void disableUpdateChecker() {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }
}
