package org.gongshi.server.tools;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SyntheticGenerationCommandTest {

    @Test
    void generation_into_a_data_directory_a_running_server_holds_says_so_in_one_line(CapturedOutput output) {
        Exception open = DbException.get(ErrorCode.DATABASE_ALREADY_OPEN_1, "retry:/srv/ledger/eventstore/ledger.mv.db").getSQLException();

        int status = SyntheticGenerationCommand.run(new String[]{"--cases", "10", "--gongshi.data-dir=/srv/ledger"}, args -> {
            throw new BeanCreationException("eventStoreDataSource", "Failed to initialize pool", open);
        });

        assertThat(status).isEqualTo(1);
        assertThat(output.getErr().lines().filter(line -> line.startsWith("generate: ")).toList()).singleElement()
                .asString().contains("in use by another process", "/srv/ledger/eventstore/ledger.mv.db", "--gongshi.data-dir")
                .doesNotContain("syntheticGeneration", "Possible solutions");
    }

    @Test
    void a_bad_count_of_cases_is_refused_before_anything_starts(CapturedOutput output) {
        int status = SyntheticGenerationCommand.run(new String[]{"--cases", "0"}, args -> {
            throw new AssertionError("started");
        });

        assertThat(status).isEqualTo(2);
        assertThat(output.getErr()).contains("--cases takes a whole number of 1 or more", "usage:");
    }
}
