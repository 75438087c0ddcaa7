package cn.lyg.xilian.core.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The notices and calendar files the calendar tests read, from the repository. */
final class CalendarTexts {

    static final String NOTICE_2026 = "infra/calendars/2026-notice.txt";
    static final String NOTICE_2026_NEWSWIRE = "functions/core/src/test/resources/calendars/2026-notice-newswire.txt";
    static final String NOTICE_2027_FICTIONAL = "functions/core/src/test/resources/calendars/2027-notice-fictional.txt";
    static final String SEED_2026 = "functions/core/src/main/resources/calendars/cn-2026.csv";
    static final String LUNAR_REFERENCE = "functions/core/src/test/resources/calendars/lunar-reference-2000-2099.csv";

    private CalendarTexts() {
    }

    static String read(String repoPath) {
        try {
            return Files.readString(Path.of(System.getProperty("xilian.root", "../..")).resolve(repoPath),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static YearCalendar notice(String repoPath) {
        CalendarReading reading = HolidayNotice.parse(read(repoPath), repoPath);
        if (!reading.isClean()) {
            throw new AssertionError(repoPath + ": " + reading.problems());
        }
        return reading.calendar().orElseThrow();
    }
}
