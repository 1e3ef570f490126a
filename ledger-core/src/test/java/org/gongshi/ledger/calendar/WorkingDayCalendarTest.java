package org.gongshi.ledger.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.official();

    // --- which days are working days -------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-04", "2024-05-11", "2025-01-26", "2025-10-11", "2026-01-04", "2026-02-14", "2026-02-28",
        "2026-05-09", "2026-09-20", "2026-10-10"})
    void make_up_working_day_counts_as_working_day(LocalDate makeUpDay) {
        assertThat(makeUpDay.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(calendar.isWorkingDay(makeUpDay)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-06-10", "2025-01-01", "2025-10-08", "2026-02-16", "2026-02-23", "2026-09-25"})
    void holiday_on_a_weekday_is_not_a_working_day(LocalDate dayOff) {
        assertThat(dayOff.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(calendar.isWorkingDay(dayOff)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-06, true",   // Friday
        "2026-03-07, false",  // Saturday
        "2026-03-08, false",  // Sunday
        "2026-03-09, true",   // Monday
    })
    void outside_the_notice_monday_to_friday_work_and_weekends_rest(LocalDate day, boolean working) {
        assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest
    @CsvSource({
        "2024, 251",  // 262 weekdays - 19 holidays on weekdays + 8 make-up days
        "2025, 248",  // 261 - 18 + 5
        "2026, 248",  // 261 - 19 + 6
    })
    void official_calendar_has_the_working_days_of_each_notice(int year, int workingDays) {
        LocalDate newYearsEve = LocalDate.of(year - 1, 12, 31);
        LocalDate lastDay = LocalDate.of(year, 12, 31);

        assertThat(calendar.workingDaysAfter(newYearsEve, lastDay)).isEqualTo(workingDays);
    }

    @Test
    void official_calendar_publishes_2024_to_2026() {
        assertThat(calendar.publishedYears()).containsExactly(2024, 2025, 2026);
        assertThat(calendar.isPublished(2026)).isTrue();
        assertThat(calendar.isPublished(2027)).isFalse();
    }

    // --- working-day terms -------------------------------------------------------------------

    @Test
    void day_of_the_act_is_not_counted() {
        LocalDate monday = LocalDate.of(2026, 3, 2);

        assertThat(calendar.addWorkingDays(monday, 1).dueOn()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(calendar.workingDaysAfter(monday, monday)).isZero();
        assertThat(calendar.workingDaysAfter(monday, LocalDate.of(2026, 3, 3))).isEqualTo(1);
    }

    @Test
    void twenty_working_days_across_2026_spring_festival() {
        // Tue 02-10 is the decision day. Counted: 02-11 Wed (1), 12 (2), 13 (3), Sat 14 make-up (4);
        // 02-15..02-23 off; 24 Tue (5), 25 (6), 26 (7), 27 (8), Sat 28 make-up (9); Sun 03-01 off;
        // 03-02..06 (10-14); 03-09..13 (15-19); Mon 03-16 (20).
        Deadline deadline = calendar.addWorkingDays(LocalDate.of(2026, 2, 10), 20);

        assertThat(deadline).isEqualTo(new Deadline(LocalDate.of(2026, 3, 16), false));
        assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 16))).isEqualTo(20);
    }

    @ParameterizedTest(name = "{0} + {1} WD = {2}")
    @CsvSource({
        // Fri, so the next working day is Monday
        "2026-03-06, 1, 2026-03-09",
        // Thu before Mid-Autumn: 09-25..27 off; 28, 29, 30 (1-3); 10-01..07 off; 08, 09 (4, 5);
        // Sat 10-10 make-up (6); Sun 10-11 off; Mon 10-12 (7)
        "2026-09-24, 7, 2026-10-12",
        // Tue before National Day: 10-01..08 off; 09, 10 (1, 2); Sat 10-11 make-up (3); Sun off; 13, 14 (4, 5)
        "2025-09-30, 5, 2025-10-14",
        // Fri before Spring Festival: Sat 01-25 off; Sun 01-26 make-up (1); Mon 27 (2);
        // 01-28..02-04 off; 02-05, 06, 07 (3-5)
        "2025-01-24, 5, 2025-02-07",
    })
    void working_day_term_skips_days_off_and_counts_make_up_days(LocalDate actOn, int workingDays, LocalDate dueOn) {
        Deadline deadline = calendar.addWorkingDays(actOn, workingDays);

        assertThat(deadline.dueOn()).isEqualTo(dueOn);
        assertThat(deadline.provisional()).isFalse();
        assertThat(calendar.workingDaysAfter(actOn, dueOn)).isEqualTo(workingDays);
    }

    @Test
    void no_working_days_are_counted_backwards() {
        assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 2, 10))).isZero();
        assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 23))).isZero();
    }

    // --- calendar-day, month and year terms ---------------------------------------------------

    @ParameterizedTest(name = "{0} + {1} CD = {2}")
    @CsvSource({
        // 02-16 is a Monday inside the Spring Festival (02-15..02-23 off)
        "2026-02-01, 15, 2026-02-24",
        // 03-15 is a Sunday
        "2026-03-01, 14, 2026-03-16",
        // 90 CD decision deadline: 10-01 is National Day, 10-01..07 off
        "2026-07-03, 90, 2026-10-08",
    })
    void calendar_day_term_ending_on_day_off_moves_to_next_working_day(LocalDate actOn, int days, LocalDate dueOn) {
        assertThat(actOn.plusDays(days)).matches(last -> !calendar.isWorkingDay(last));

        assertThat(calendar.addCalendarDays(actOn, days)).isEqualTo(new Deadline(dueOn, false));
    }

    @ParameterizedTest(name = "{0} + {1} CD = {2}")
    @CsvSource({
        "2026-03-02, 15, 2026-03-17",  // Tuesday
        "2026-02-13, 15, 2026-02-28",  // make-up Saturday
    })
    void calendar_day_term_ending_on_working_day_stays(LocalDate actOn, int days, LocalDate dueOn) {
        assertThat(calendar.addCalendarDays(actOn, days).dueOn()).isEqualTo(dueOn);
    }

    @ParameterizedTest(name = "{0} + {1} months = {2}")
    @CsvSource({
        "2026-07-01, 3, 2026-10-01",  // National Day: a burden ends on its day off, never rolled to 10-08
        "2026-03-15, 3, 2026-06-15",  // a Monday
        "2025-11-30, 3, 2026-02-28",  // no 30 February: the month's last day
        "2026-08-28, 3, 2026-11-28",  // a Saturday: a record published 08-28 ends 11-28, not Monday 11-30
    })
    void period_of_a_burden_in_months_ends_on_the_corresponding_day_and_is_never_rolled_forward(LocalDate actOn, int months, LocalDate dueOn) {
        assertThat(calendar.addMonths(actOn, months)).isEqualTo(new Deadline(dueOn, false));
    }

    @ParameterizedTest(name = "{0} + {1} years = {2}")
    @CsvSource({
        "2024-10-01, 2, 2026-10-01",  // National Day, kept
        "2024-02-29, 1, 2025-02-28",  // no 29 February in 2025
        "2025-05-31, 1, 2026-05-31",  // a Sunday, kept
    })
    void period_of_a_burden_in_years_ends_on_the_corresponding_day_and_is_never_rolled_forward(LocalDate actOn, int years, LocalDate dueOn) {
        assertThat(calendar.addYears(actOn, years)).isEqualTo(new Deadline(dueOn, false));
    }

    @ParameterizedTest(name = "{0} + {1} WD = {2}")
    @CsvSource({
        // Labour Day 05-01..05 off: Wed 05-06 (1), 05-07 (2), 05-08 (3), make-up Saturday 05-09 (4), Mon 05-11 (5)
        "2026-04-30, 4, 2026-05-09",
        "2026-04-30, 5, 2026-05-11",
        // Mid-Autumn 09-25..27: the make-up Sunday 09-20 is the first working day after Friday 09-18
        "2026-09-18, 1, 2026-09-20",
        "2026-09-18, 6, 2026-09-28",
        // National Day 10-01..07: Thu 10-08 (1), Fri 10-09 (2), make-up Saturday 10-10 (3), Mon 10-12 (4)
        "2026-09-30, 3, 2026-10-10",
        "2026-09-30, 4, 2026-10-12",
    })
    void the_2026_make_up_working_days_05_09_09_20_and_10_10_count_in_working_day_terms(LocalDate actOn, int workingDays, LocalDate dueOn) {
        assertThat(calendar.addWorkingDays(actOn, workingDays)).isEqualTo(new Deadline(dueOn, false));
    }

    @Test
    void negative_terms_are_refused() {
        LocalDate day = LocalDate.of(2026, 3, 2);

        assertThatIllegalArgumentException().isThrownBy(() -> calendar.addWorkingDays(day, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.addCalendarDays(day, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.addMonths(day, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.addYears(day, -1));
    }

    // --- years without a notice ----------------------------------------------------------------

    @Test
    void year_without_notice_counts_weekends_only_and_marks_deadline_provisional() {
        // 2027 has no notice: Fri 10-01 counts (1), Mon 10-04..Thu 10-07 (2-5)
        LocalDate thursday = LocalDate.of(2027, 9, 30);

        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 2))).isFalse();
        assertThat(calendar.addWorkingDays(thursday, 5)).isEqualTo(new Deadline(LocalDate.of(2027, 10, 7), true));
    }

    @Test
    void term_reaching_into_a_year_without_notice_is_provisional() {
        // Mon 2026-12-28: 29, 30, 31 (1-3); Fri 2027-01-01 counts as the weekday it is (4); 01-04..06 (5-7)
        LocalDate monday = LocalDate.of(2026, 12, 28);

        assertThat(calendar.addWorkingDays(monday, 7)).isEqualTo(new Deadline(LocalDate.of(2027, 1, 6), true));
        assertThat(calendar.addWorkingDays(monday, 3)).isEqualTo(new Deadline(LocalDate.of(2026, 12, 31), false));
        assertThat(calendar.addCalendarDays(LocalDate.of(2026, 12, 20), 30))
                .isEqualTo(new Deadline(LocalDate.of(2027, 1, 19), true));
        assertThat(calendar.addYears(monday, 1)).isEqualTo(new Deadline(LocalDate.of(2027, 12, 28), true));
    }

    @Test
    void working_day_term_counting_days_of_a_year_without_notice_is_provisional_even_if_it_ends_in_a_published_one() {
        // 2023 has no notice: Fri 2023-12-29 counts as a weekday (1); 2024-01-01 off; 01-02..05 (2-5).
        // Whether 12-29 is a working day depends on the 2023 notice, so the due day may move.
        assertThat(calendar.addWorkingDays(LocalDate.of(2023, 12, 28), 5))
                .isEqualTo(new Deadline(LocalDate.of(2024, 1, 5), true));
    }

    @ParameterizedTest(name = "{0} + {1} CD = {2}, provisional {3}")
    @CsvSource({
        // starts in 2023 (no notice) and ends on Tue 2024-01-30: the days counted do not depend on a notice
        "2023-11-01, 90, 2024-01-30, false",
        // ends on Wed 2027-01-06, in a year without notice: it may turn out to be a day off
        "2026-10-08, 90, 2027-01-06, true",
        // starts in 2023; its last day, 2024-01-01, is New Year's Day and rolls over to Tue 01-02, all in 2024
        "2023-12-01, 31, 2024-01-02, false",
    })
    void calendar_day_term_is_provisional_only_when_its_last_day_is_in_a_year_without_notice(
            LocalDate actOn, int days, LocalDate dueOn, boolean provisional) {
        assertThat(calendar.addCalendarDays(actOn, days)).isEqualTo(new Deadline(dueOn, provisional));
    }

    @Test
    void month_and_year_terms_are_provisional_only_when_their_last_day_is_in_a_year_without_notice() {
        // Fri 2024-03-15 and Mon 2024-06-03: begun in 2023, ended in published 2024
        assertThat(calendar.addMonths(LocalDate.of(2023, 12, 15), 3))
                .isEqualTo(new Deadline(LocalDate.of(2024, 3, 15), false));
        assertThat(calendar.addYears(LocalDate.of(2023, 6, 3), 1))
                .isEqualTo(new Deadline(LocalDate.of(2024, 6, 3), false));
        // Mon 2027-03-15: no notice for 2027 yet
        assertThat(calendar.addMonths(LocalDate.of(2026, 12, 15), 3))
                .isEqualTo(new Deadline(LocalDate.of(2027, 3, 15), true));
    }

    @Test
    void calendar_day_term_rolling_over_into_a_year_without_notice_is_provisional() {
        // 2030 published, 2031 not: the last day, Tue 2030-12-31, is off, so the term rolls over to
        // Wed 2031-01-01, a working day only until the 2031 notice says otherwise
        WorkingDayCalendar only2030 = WorkingDayCalendar.load(new StringReader("2030.off=12-31\n"));

        assertThat(only2030.addCalendarDays(LocalDate.of(2030, 12, 21), 10))
                .isEqualTo(new Deadline(LocalDate.of(2031, 1, 1), true));
        assertThat(only2030.addCalendarDays(LocalDate.of(2030, 12, 20), 10))
                .isEqualTo(new Deadline(LocalDate.of(2030, 12, 30), false));
    }

    @Test
    void calendar_day_term_whose_last_day_is_in_a_year_without_notice_is_provisional_even_if_it_rolls_into_a_published_one() {
        // 2028 not published: its last day, Sun 2028-12-31, is off by the weekend rule only (a notice
        // could make it a make-up working day); it rolls over to Mon 2029-01-01, a working day in 2029
        WorkingDayCalendar only2029 = WorkingDayCalendar.load(new StringReader("2029.off=01-02\n"));

        assertThat(only2029.addCalendarDays(LocalDate.of(2028, 12, 1), 30))
                .isEqualTo(new Deadline(LocalDate.of(2029, 1, 1), true));
    }

    @Test
    void loading_the_notice_makes_the_deadline_final() {
        WorkingDayCalendar with2027 = WorkingDayCalendar.load(new StringReader("2027.off=10-01..10-07\n"));

        assertThat(with2027.addWorkingDays(LocalDate.of(2027, 9, 30), 5))
                .isEqualTo(new Deadline(LocalDate.of(2027, 10, 14), false));
    }

    // --- the deadline ---------------------------------------------------------------------------

    @Test
    void deadline_is_met_up_to_and_including_its_last_day() {
        Deadline deadline = new Deadline(LocalDate.of(2026, 3, 16), false);

        assertThat(deadline.metBy(LocalDate.of(2026, 3, 15))).isTrue();
        assertThat(deadline.metBy(LocalDate.of(2026, 3, 16))).isTrue();
        assertThat(deadline.metBy(LocalDate.of(2026, 3, 17))).isFalse();
    }

    // --- the calendar as data ----------------------------------------------------------------------

    @Test
    void notice_lists_single_days_and_inclusive_ranges() {
        // 2030-02-03 is a Sunday, 02-09 a Saturday
        WorkingDayCalendar loaded = WorkingDayCalendar.load(new StringReader(
                "# a notice\n2030.off = 01-01, 02-03..02-05\n2030.work = 02-09\n"));

        assertThat(loaded.isWorkingDay(LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(loaded.isWorkingDay(LocalDate.of(2030, 2, 4))).isFalse();
        assertThat(loaded.isWorkingDay(LocalDate.of(2030, 2, 5))).isFalse();
        assertThat(loaded.isWorkingDay(LocalDate.of(2030, 2, 6))).isTrue();
        assertThat(loaded.isWorkingDay(LocalDate.of(2030, 2, 9))).isTrue();
        assertThat(loaded.isWorkingDay(LocalDate.of(2030, 2, 10))).isFalse();
    }

    @Test
    void year_with_either_key_is_published() {
        WorkingDayCalendar loaded = WorkingDayCalendar.load(new StringReader("2030.work=\n2031.off=01-01\n"));

        assertThat(loaded.publishedYears()).containsExactly(2030, 2031);
        assertThat(loaded.isPublished(2032)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2030.off=02-30",
        "2030.off=2-03",
        "2030.work=13-01",
        "2030.off=03-05..03-01",
        "2030.off=01-01..02-30",
        "2030.off=01-01,,01-03",
        "2030.holiday=01-01",
        "30.off=01-01",
    })
    void invalid_entry_is_rejected_naming_key_and_value(String entry) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkingDayCalendar.load(new StringReader(entry)))
                .withMessageContaining(entry);
    }

    @Test
    void day_cannot_be_both_off_and_work() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkingDayCalendar.load(new StringReader("2030.off=02-09\n2030.work=02-09\n")))
                .withMessageContaining("2030-02-09");
    }

    @Test
    void calendar_loads_from_a_utf8_file(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("calendar.properties");
        Files.writeString(file, "# 国务院办公厅关于2030年部分节假日安排的通知\n2030.off=01-01\n", StandardCharsets.UTF_8);

        WorkingDayCalendar loaded = WorkingDayCalendar.load(file);

        assertThat(loaded.isPublished(2030)).isTrue();
        assertThat(loaded.isWorkingDay(LocalDate.of(2030, 1, 1))).isFalse();
    }

    @Test
    void a_new_year_s_notice_loaded_from_a_file_joins_the_shipped_calendar_and_makes_its_deadlines_final(@TempDir Path directory)
            throws IOException {
        // provisional until the 2027 notice is loaded: Thu 2027-09-30 + 5 WD counts Friday 10-01 as a weekday
        assertThat(calendar.addWorkingDays(LocalDate.of(2027, 9, 30), 5)).isEqualTo(new Deadline(LocalDate.of(2027, 10, 7), true));

        Path notice = directory.resolve("cn-2027.properties");
        Files.writeString(notice, "# an operator's file: only the new year\n2027.off=10-01..10-07\n2027.work=09-26, 10-09\n");
        WorkingDayCalendar loaded = calendar.withNotices(WorkingDayCalendar.load(notice));

        assertThat(loaded.publishedYears()).containsExactly(2024, 2025, 2026, 2027);
        // 10-01..07 off, make-up Saturday 10-09: 10-08 (1), 10-09 (2), 10-11 (3), 10-12 (4), 10-13 (5), final
        assertThat(loaded.addWorkingDays(LocalDate.of(2027, 9, 30), 5)).isEqualTo(new Deadline(LocalDate.of(2027, 10, 13), false));
        // the shipped years are untouched
        assertThat(loaded.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(loaded.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    }
}
