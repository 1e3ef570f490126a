package org.gongshi.ledger.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The official working-day calendar: weekends off, Monday to Friday at work, except where a
 * State Council holiday notice lists a day off (放假) or a make-up working day (调休上班).
 *
 * <p>The notices are data, one pair of keys per year: {@code YYYY.off} and {@code YYYY.work},
 * each a comma-separated list of {@code MM-DD} days or {@code MM-DD..MM-DD} inclusive ranges.
 * A year with either key is published. A year without a notice counts weekends only, and a
 * deadline that depends on its notice is {@linkplain Deadline#provisional() provisional}: a
 * working-day term when any day it counts lies in such a year; a calendar-day term when its last
 * day, or a day it rolls over to, does; a month or year period when its last day does (the days in
 * between are counted whatever the notice says).
 *
 * <p>Terms follow the Civil Code: the day of the act is not counted (民法典 Art 201), and a term
 * to act whose last day is a day off ends on the next working day (Art 203); a period of a burden
 * counted in months or years ends on its corresponding day and is never rolled forward (Art 202).
 */
public final class WorkingDayCalendar {

    private static final String OFFICIAL_RESOURCE = "/org/gongshi/ledger/calendar/cn-official-calendar.properties";
    private static final Pattern KEY = Pattern.compile("(\\d{4})\\.(off|work)");
    private static final Pattern DAYS = Pattern.compile("(\\d{2})-(\\d{2})(?:\\.\\.(\\d{2})-(\\d{2}))?");

    private final Set<Integer> publishedYears;
    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> makeUpWorkingDays;

    private WorkingDayCalendar(Set<Integer> publishedYears, Set<LocalDate> daysOff, Set<LocalDate> makeUpWorkingDays) {
        this.publishedYears = Collections.unmodifiableSortedSet(new TreeSet<>(publishedYears));
        this.daysOff = Set.copyOf(daysOff);
        this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    }

    /** The calendar of the State Council notices shipped with Gongshi. */
    public static WorkingDayCalendar official() {
        return Official.CALENDAR;
    }

    public static WorkingDayCalendar load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read working-day calendar " + file, e);
        }
    }

    /**
     * Reads a calendar from {@link Properties} text.
     *
     * @throws IllegalArgumentException naming the key and value of an entry that is not a notice
     */
    public static WorkingDayCalendar load(Reader properties) {
        Properties entries = new Properties();
        try {
            entries.load(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read working-day calendar", e);
        }
        Set<Integer> published = new HashSet<>();
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        for (String key : entries.stringPropertyNames()) {
            String value = entries.getProperty(key);
            Matcher keyParts = KEY.matcher(key);
            if (!keyParts.matches()) {
                throw invalid(key, value, "key must be YYYY.off or YYYY.work");
            }
            int year = Integer.parseInt(keyParts.group(1));
            Set<LocalDate> days = keyParts.group(2).equals("off") ? off : work;
            published.add(year);
            days.addAll(parseDays(key, value, year));
        }
        Set<LocalDate> both = new TreeSet<>(off);
        both.retainAll(work);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("working-day calendar lists " + both + " both as off and as work");
        }
        return new WorkingDayCalendar(published, off, work);
    }

    private static Set<LocalDate> parseDays(String key, String value, int year) {
        Set<LocalDate> days = new HashSet<>();
        if (value.isBlank()) {
            return days;
        }
        for (String item : value.split(",", -1)) {
            String listed = item.strip();
            Matcher parts = DAYS.matcher(listed);
            if (!parts.matches()) {
                throw invalid(key, value, "'" + listed + "' is not MM-DD or MM-DD..MM-DD");
            }
            try {
                LocalDate first = dayOf(year, parts.group(1), parts.group(2));
                LocalDate last = parts.group(3) == null ? first : dayOf(year, parts.group(3), parts.group(4));
                if (last.isBefore(first)) {
                    throw invalid(key, value, "range '" + listed + "' ends before it starts");
                }
                first.datesUntil(last.plusDays(1)).forEach(days::add);
            } catch (DateTimeException e) {
                throw invalid(key, value, "'" + listed + "' is not a date in " + year);
            }
        }
        return days;
    }

    private static LocalDate dayOf(int year, String month, String dayOfMonth) {
        return LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(dayOfMonth));
    }

    private static IllegalArgumentException invalid(String key, String value, String why) {
        return new IllegalArgumentException("working-day calendar entry " + key + "=" + value + ": " + why);
    }

    /**
     * This calendar with the notices of {@code notices} added: a year {@code notices} publishes takes
     * its days from there (a corrected notice replaces the shipped one), every other year stays as it
     * is. How an operator loads a new year's notice without a new release.
     */
    public WorkingDayCalendar withNotices(WorkingDayCalendar notices) {
        Set<Integer> years = new HashSet<>(publishedYears);
        years.addAll(notices.publishedYears);
        Set<LocalDate> off = new HashSet<>(notices.daysOff);
        Set<LocalDate> work = new HashSet<>(notices.makeUpWorkingDays);
        daysOff.stream().filter(day -> !notices.isPublished(day.getYear())).forEach(off::add);
        makeUpWorkingDays.stream().filter(day -> !notices.isPublished(day.getYear())).forEach(work::add);
        return new WorkingDayCalendar(years, off, work);
    }

    public Set<Integer> publishedYears() {
        return publishedYears;
    }

    /** Whether the holiday notice for {@code year} is loaded. */
    public boolean isPublished(int year) {
        return publishedYears.contains(year);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (daysOff.contains(day)) {
            return false;
        }
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}-th working day after the day of the act. */
    public Deadline addWorkingDays(LocalDate actOn, int n) {
        requireNotNegative(n, "working days");
        LocalDate day = actOn;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return new Deadline(day, anyUnpublished(actOn.plusDays(1), day));
    }

    /** {@code n} calendar days after the day of the act, moved to the next working day if that is a day off. */
    public Deadline addCalendarDays(LocalDate actOn, int n) {
        requireNotNegative(n, "calendar days");
        return rolledOver(actOn.plusDays(n));
    }

    /**
     * A period of a burden counted in months (publicity, list term, sanction, repair wait): it ends on
     * the corresponding day {@code months} later, or that month's last day when it has none, and is
     * never moved to a working day (民法典 Art 202; rolling would lengthen the burden). Provisional
     * when that day lies in a year whose notice is not loaded.
     */
    public Deadline addMonths(LocalDate actOn, int months) {
        requireNotNegative(months, "months");
        return periodEnd(actOn.plusMonths(months));
    }

    /** A period of a burden counted in years (28 February for 29 February), never rolled; see {@link #addMonths}. */
    public Deadline addYears(LocalDate actOn, int years) {
        requireNotNegative(years, "years");
        return periodEnd(actOn.plusYears(years));
    }

    /** The last day of a period of a burden, as it is: provisional when its year has no notice loaded. */
    public Deadline periodEnd(LocalDate lastDay) {
        return new Deadline(lastDay, !isPublished(lastDay.getYear()));
    }

    /** The number of working days after {@code from}, up to and including {@code to}. */
    public int workingDaysAfter(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return (int) from.plusDays(1).datesUntil(to.plusDays(1)).filter(this::isWorkingDay).count();
    }

    private LocalDate nextWorkingDayFrom(LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /**
     * A calendar-day, month or year term: only its last day and the days off it rolls over depend on
     * a notice, so the deadline is provisional when one of those, from {@code lastDay} to the due
     * day, lies in an unpublished year.
     */
    private Deadline rolledOver(LocalDate lastDay) {
        LocalDate dueOn = nextWorkingDayFrom(lastDay);
        return new Deadline(dueOn, anyUnpublished(lastDay, dueOn));
    }

    /** Whether any day from {@code first} to {@code last} (inclusive; none when last is before first) lies in an unpublished year. */
    private boolean anyUnpublished(LocalDate first, LocalDate last) {
        return !last.isBefore(first)
                && IntStream.rangeClosed(first.getYear(), last.getYear()).anyMatch(year -> !isPublished(year));
    }

    private static void requireNotNegative(int amount, String unit) {
        if (amount < 0) {
            throw new IllegalArgumentException(unit + " must not be negative: " + amount);
        }
    }

    private static final class Official {
        static final WorkingDayCalendar CALENDAR = loadOfficial();

        private static WorkingDayCalendar loadOfficial() {
            InputStream data = WorkingDayCalendar.class.getResourceAsStream(OFFICIAL_RESOURCE);
            if (data == null) {
                throw new IllegalStateException("missing classpath resource " + OFFICIAL_RESOURCE);
            }
            try (Reader reader = new InputStreamReader(data, StandardCharsets.UTF_8)) {
                return load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + OFFICIAL_RESOURCE, e);
            }
        }
    }
}
