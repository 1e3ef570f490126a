package org.gongshi.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --gongshi.demo=true} seeds cases, public records, a list entry and a review candidate through the command path, once. */
class DemoDataTest {

    @TempDir
    Path dataDir;

    @Test
    void demo_data_is_seeded_through_the_command_path_and_only_once() throws Exception {
        // the demo's lower-amount fine has passed its publicity period: a deadline of its case on the ledger's clock
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir, "--gongshi.demo=true")) {
            WebTestClient web = LedgerEndToEndTest.client(app);
            Map<?, ?> penalties = await(web, null, "/api/v1/public/penalties", b -> ((Number) b.get("total")).intValue() == 1);
            // the lower-amount fines (the natural person's ¥8,000, the company's ¥30,000: below ¥100,000 for an organisation)
            // were public for 3 months and have expired; the revoked one is withdrawn
            List<Object> names = ((List<?>) penalties.get("items")).stream().map(i -> (Object) ((Map<?, ?>) i).get("subjectName")).toList();
            assertThat(names).contains("北京示例商贸有限公司");

            String chaoyang = LedgerEndToEndTest.token(web, "111101050000000191", "officer");
            Map<?, ?> listings = await(web, chaoyang, "/api/v1/listings?status=ACTIVE", b -> ((Number) b.get("total")).intValue() == 1);
            Map<?, ?> entry = (Map<?, ?>) ((List<?>) listings.get("items")).get(0);
            assertThat(entry.get("listType")).isEqualTo("SEVERE_DISHONESTY");
            assertThat((List<?>) entry.get("sanctions")).hasSize(2);

            Map<?, ?> candidates = await(web, chaoyang, "/api/v1/listings/candidates", b -> ((Number) b.get("total")).intValue() == 1);
            assertThat(((Map<?, ?>) ((List<?>) candidates.get("items")).get(0)).get("uscc")).isEqualTo("91110000600037341L");
        }
        long events;
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir, "--gongshi.demo=true")) {
            events = countEvents(app);
            assertThat(events).isGreaterThan(30);
        }
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir, "--gongshi.demo=true")) {
            assertThat(countEvents(app)).as("a second start seeds nothing").isEqualTo(events);
        }
    }

    /** Every event in the store (the stream never ends by itself: read until nothing more is available). */
    static long countEvents(ConfigurableApplicationContext app) throws Exception {
        try (var stream = app.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class).openStream(null)) {
            long count = 0;
            while (stream.hasNextAvailable(1, java.util.concurrent.TimeUnit.SECONDS)) {
                stream.nextAvailable();
                count++;
            }
            return count;
        }
    }

    static Map<?, ?> await(WebTestClient web, String token, String uri, Predicate<Map<?, ?>> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<?, ?> last = null;
        while (System.nanoTime() < deadline) {
            var result = web.get().uri(uri).headers(h -> { if (token != null) h.setBearerAuth(token); }).exchange().returnResult(Map.class);
            if (result.getStatus().value() == 200) {
                last = result.getResponseBody().blockFirst();
                if (last != null && ready.test(last)) return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(uri + " did not reach the expected state; last: " + last);
    }
}
