package org.gongshi.server.embedded;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class DataDirectoryInUseFailureAnalyzerTest {

    private final DataDirectoryInUseFailureAnalyzer analyzer = new DataDirectoryInUseFailureAnalyzer();

    @Test
    void a_store_file_another_holder_has_locked_is_named_with_what_to_do() {
        Path file = dir.resolve("mongo.mv");
        try (MVStore held = new MVStore.Builder().fileName(file.toString()).open()) {
            Throwable locked = catchThrowable(() -> new MVStore.Builder().fileName(file.toString()).open());
            assertThat(locked).isNotNull();

            FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("readModelStore", "failed", locked));

            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).startsWith("The data directory is in use by another process").contains("mongo.mv");
            assertThat(analysis.getAction()).contains("--gongshi.data-dir");
        }
    }

    @Test
    void an_event_store_already_open_elsewhere_is_named_through_the_pools_wrapping() {
        Exception open = DbException.get(ErrorCode.DATABASE_ALREADY_OPEN_1, "retry:/data/eventstore/ledger.mv.db").getSQLException();
        Throwable failure = new BeanCreationException("eventStoreDataSource", "Failed to initialize pool",
                new RuntimeException("Failed to initialize pool: " + open.getMessage(), open));

        FailureAnalysis analysis = analyzer.analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("/data/eventstore/ledger.mv.db").doesNotContain("\n").doesNotContain("server mode");
    }

    @Test
    void any_other_failure_is_left_to_the_other_analyzers() {
        Exception other = DbException.get(ErrorCode.WRONG_USER_OR_PASSWORD).getSQLException();

        assertThat(analyzer.analyze(new BeanCreationException("x", "failed", other))).isNull();
        assertThat(analyzer.analyze(new IllegalStateException("no"))).isNull();
    }

    @TempDir
    Path dir;
}
