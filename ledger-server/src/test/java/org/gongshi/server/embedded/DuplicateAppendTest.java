package org.gongshi.server.embedded;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Two commands appending the same aggregate sequence: the loser is a concurrency conflict, not a store failure. */
class DuplicateAppendTest {

    @Test
    void a_unique_key_violation_in_a_batch_append_is_recognised_as_duplicate() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:dup;DB_CLOSE_DELAY=-1")) {
            c.createStatement().execute("CREATE TABLE e (id VARCHAR(20), seq BIGINT, PRIMARY KEY (id, seq))");
            c.createStatement().execute("INSERT INTO e VALUES ('case-1', 0)");
            PreparedStatement batch = c.prepareStatement("INSERT INTO e VALUES (?, ?)");
            batch.setString(1, "case-1");
            batch.setLong(2, 0);
            batch.addBatch();
            SQLException duplicate = catchThrowableOfType(SQLException.class, batch::executeBatch);
            assertThat(EmbeddedStorage.isDuplicateKey(new RuntimeException(duplicate))).isTrue();

            SQLException other = catchThrowableOfType(SQLException.class, () -> c.createStatement().execute("SELECT nope FROM e"));
            assertThat(EmbeddedStorage.isDuplicateKey(other)).isFalse();
        }
    }
}
