package org.gongshi.server.axon;

import org.gongshi.server.ops.SettingValueFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An operator's calendar file with an entry that names no day stops the start in one line naming the setting, the file and
 * the entry (a README sweep from outside, stop 85: the entry's fault stood inside 73 lines of stack trace); a sound file loads.
 */
class CalendarSettingTest {

    @Test
    void a_calendar_file_with_a_bad_entry_is_named_by_its_setting_in_one_line(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("calendar.properties"), "2027.off=01-01, 13-45\n");
        Throwable refused = catchThrowable(() -> new AxonWiring().workingDayCalendar(bad.toString()));
        assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("gongshi.calendar.location names " + bad.toAbsolutePath())
                .hasMessageContaining("'13-45' is not a date in 2027");
        FailureAnalysis analysis = new SettingValueFailureAnalyzer().analyze(new org.springframework.beans.factory.BeanCreationException(
                "workingDayCalendar", "failed", refused));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo(refused.getMessage());

        // a directory, a file that is no UTF-8 text: the same one line (a re-test from outside, stop 85: 91 and 82 lines of trace)
        assertThat(catchThrowable(() -> new AxonWiring().workingDayCalendar(dir.toString())))
                .hasMessageStartingWith("gongshi.calendar.location names " + dir.toAbsolutePath());
        Path latin1 = Files.write(dir.resolve("latin1.properties"), new byte[] {'2', '0', '2', '7', '.', 'o', 'f', 'f', '=', (byte) 0xE9, '\n'});
        Throwable notUtf8 = catchThrowable(() -> new AxonWiring().workingDayCalendar(latin1.toString()));
        assertThat(notUtf8).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("gongshi.calendar.location names")
                .hasMessageContaining("cannot be read as UTF-8 text");
        assertThat(new SettingValueFailureAnalyzer().analyze(notUtf8)).isNotNull();

        Path sound = Files.writeString(dir.resolve("sound.properties"), "2027.off=01-01\n");
        assertThat(new AxonWiring().workingDayCalendar(sound.toString()).isWorkingDay(java.time.LocalDate.of(2027, 1, 1))).isFalse();
    }
}
