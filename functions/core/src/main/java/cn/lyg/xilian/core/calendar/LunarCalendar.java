package cn.lyg.xilian.core.calendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The Chinese lunisolar calendar (农历) of the lunar years 2000–2099, enough to find 春节, 端午 and 中秋.
 *
 * <p>Each year is one int in the classic encoding: bits 15…4 are months 1…12 (1 = 30 days, 0 = 29), bits 3…0 the
 * leap month (0 = none), bit 16 the leap month's length. 春节 of 2000 is 5 February 2000; every later 春节 is that
 * plus the lengths of the lunar years between. The table was generated with lunar-python 1.4.8 (the 寿星天文历
 * algorithm); lunardate 0.3.0 (Hong Kong Observatory tables) gives the same festival dates for every year, and
 * {@code LunarCalendarTest} holds the table to their dates. A library would cost megabytes of jar for 400 bytes of
 * table. Outside 2000–2099 nothing is known ({@link Optional#empty()}).
 */
public final class LunarCalendar {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    private static final LocalDate SPRING_FESTIVAL_2000 = LocalDate.of(2000, 2, 5);

    private static final int[] YEARS = {
            0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5, // 2000
            0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930, // 2010
            0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530, // 2020
            0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, // 2030
            0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, // 2040
            0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0, // 2050
            0x092e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4, // 2060
            0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0, // 2070
            0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, // 2080
            0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252, // 2090
    };

    private LunarCalendar() {
    }

    public static boolean covers(int lunarYear) {
        return lunarYear >= FIRST_YEAR && lunarYear <= LAST_YEAR;
    }

    /** 正月初一 of the lunar year that begins in the given Gregorian year. */
    public static Optional<LocalDate> springFestival(int year) {
        if (!covers(year)) {
            return Optional.empty();
        }
        LocalDate date = SPRING_FESTIVAL_2000;
        for (int y = FIRST_YEAR; y < year; y++) {
            date = date.plusDays(daysInYear(y));
        }
        return Optional.of(date);
    }

    /**
     * The Gregorian date of a day of a regular (not leap) month of the lunar year that begins in {@code year}, e.g.
     * {@code date(2027, 8, 15)} for 中秋 2027.
     */
    public static Optional<LocalDate> date(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 30) {
            throw new IllegalArgumentException("no lunar month/day " + month + "/" + day);
        }
        return springFestival(year).map(newYear -> {
            int info = YEARS[year - FIRST_YEAR];
            int leap = info & 0xf;
            long offset = 0;
            for (int m = 1; m < month; m++) {
                offset += monthDays(info, m);
                if (m == leap) {
                    offset += leapDays(info);
                }
            }
            return newYear.plusDays(offset + day - 1);
        });
    }

    private static int daysInYear(int year) {
        int info = YEARS[year - FIRST_YEAR];
        int days = 0;
        for (int m = 1; m <= 12; m++) {
            days += monthDays(info, m);
        }
        return days + ((info & 0xf) == 0 ? 0 : leapDays(info));
    }

    private static int monthDays(int info, int month) {
        return (info & (0x10000 >> month)) != 0 ? 30 : 29;
    }

    private static int leapDays(int info) {
        return (info & 0x10000) != 0 ? 30 : 29;
    }
}
