package cn.lyg.xilian.core.calendar;

import java.util.Arrays;
import java.util.Optional;

/** How a day differs from the plain weekend rule; {@link #word()} is the CSV's and the table's spelling. */
public enum DayKind {
    /** A day off, whatever the weekday (法定假日, 补假 or 调休 rest day). */
    HOLIDAY("holiday"),
    /** A Saturday or Sunday that is a working day (调休上班). */
    WORKDAY("workday");

    private final String word;

    DayKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<DayKind> ofWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }
}
