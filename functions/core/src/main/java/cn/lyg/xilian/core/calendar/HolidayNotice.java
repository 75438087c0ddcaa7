package cn.lyg.xilian.core.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the State Council's yearly notice (《国务院办公厅关于YYYY年部分节假日安排的通知》) into the year's calendar.
 *
 * <p>The notice's arrangements are regular sentences, one item per festival:
 * "七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。" An item starts
 * with a festival name (or several: "国庆节、中秋节") and a colon, numbered or not, at the start of a line or after a
 * full stop; it runs on over line breaks while a sentence is unfinished or the next line starts with a date. Its
 * sentences are read as:
 * <ul>
 *   <li>"…放假…": a day or a range ("9月29日至10月6日", "2022年12月31日至2023年1月2日"), optional "，共N天" (checked
 *       against the range) and "，与周末连休";</li>
 *   <li>"…上班": the 调休 make-up working days, each a Saturday or Sunday;</li>
 *   <li>advice ("鼓励…") and sentences without a date are skipped.</li>
 * </ul>
 * Weekdays given in brackets ("（周六）", "（农历腊月二十八、星期日）") are checked against the dates. Text outside the
 * items (title, salutation, preamble, closing paragraph, signature, a news agency's dateline) is skipped unless it
 * looks like an arrangement (a date with 放假 or 上班). Half-width punctuation, full-width digits and spaces from a
 * web page or PDF copy are normalised first. The year comes from the title ("关于2027年部分节假日安排") or the
 * preamble ("现将2027年"). All seven festivals must be arranged.
 *
 * <p>Every fragment that cannot be read is reported with its line, and then no calendar is returned.
 */
public final class HolidayNotice {

    private static final String FESTIVAL = "(?:" + String.join("|", StatutoryHolidays.FESTIVALS) + ")";
    private static final String NUMBER = "(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\\d{1,2}[、.．])";
    private static final Pattern HEADER = Pattern.compile(NUMBER + "?(" + FESTIVAL + "(?:、" + FESTIVAL + ")*)：");
    private static final Pattern NUMBERED_ITEM = Pattern.compile("^" + NUMBER + "([^：。，]{1,12})：");
    private static final Pattern TITLE = Pattern.compile("(?:国务院办公厅)?关于(\\d{4})年部分节假日安排的通知");
    private static final Pattern PREAMBLE_YEAR = Pattern.compile("现将(\\d{4})年");
    private static final Pattern SIGNATURE_DATE = Pattern.compile("^\\d{4}年\\d{1,2}月\\d{1,2}日$");
    private static final String DATE = "(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日";
    private static final Pattern ANY_DATE = Pattern.compile("\\d{1,2}月\\d{1,2}日");
    private static final Pattern STARTS_WITH_DATE = Pattern.compile("^(?:\\d{4}年)?\\d{1,2}月\\d{1,2}日");
    private static final Pattern HOLIDAY = Pattern.compile("^" + DATE + "(（[^）]*）)?"
            + "(?:(?:至|[-－—~～])(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日(（[^）]*）)?)?"
            + "放假(?:调休|公休)?(.*)$");
    private static final Pattern HOLIDAY_REST = Pattern.compile("^(?:，?共(\\d+)天)?(?:，?与周末连休)?$");
    private static final Pattern WORKDAY = Pattern.compile(DATE + "(（[^）]*）)?");
    private static final Pattern WORKDAY_SEPARATORS = Pattern.compile("^[、，和及]*$");
    private static final Pattern WEEKDAY = Pattern.compile("(?:周|星期)([一二三四五六日天])");
    private static final String WEEKDAYS = "一二三四五六日";
    private static final int LONGEST_BREAK_DAYS = 15;

    private HolidayNotice() {
    }

    /**
     * @param fallbackSource names the calendar's source when the text has no title (e.g. the file name)
     */
    public static CalendarReading parse(String text, String fallbackSource) {
        return new Reader(text).read(fallbackSource);
    }

    /** One festival's arrangement: the joined text of its lines, with the line of every character. */
    private static final class Item {
        final String name;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<Integer> lines = new ArrayList<>();
        boolean hasHoliday;

        Item(String name, int line) {
            this.name = name;
            this.line = line;
        }

        void append(String s, int lineNo) {
            text.append(s);
            for (int i = 0; i < s.length(); i++) {
                lines.add(lineNo);
            }
        }

        boolean unfinished() {
            return text.isEmpty() || text.charAt(text.length() - 1) != '。';
        }
    }

    private static final class Reader {
        private final List<String> lines = new ArrayList<>();
        private final List<CalendarProblem> problems = new ArrayList<>();
        private final List<Item> items = new ArrayList<>();
        private final Map<LocalDate, CalendarDay> days = new LinkedHashMap<>();
        private final Map<LocalDate, Integer> dayLines = new LinkedHashMap<>();
        private int year;

        Reader(String text) {
            for (String raw : text.split("\\R", -1)) {
                lines.add(normalise(raw));
            }
        }

        CalendarReading read(String fallbackSource) {
            String source = fallbackSource;
            for (String line : lines) {
                Matcher title = TITLE.matcher(line);
                Matcher preamble = PREAMBLE_YEAR.matcher(line);
                if (title.find()) {
                    year = Integer.parseInt(title.group(1));
                    source = "国务院办公厅关于" + year + "年部分节假日安排的通知";
                    break;
                }
                if (year == 0 && preamble.find()) {
                    year = Integer.parseInt(preamble.group(1));
                }
            }
            if (year == 0) {
                problems.add(new CalendarProblem(0, "", "找不到年份：应有标题“国务院办公厅关于YYYY年部分节假日安排的通知”"));
                return CalendarReading.failed(problems);
            }
            splitIntoItems();
            if (items.isEmpty()) {
                problems.add(new CalendarProblem(0, "", "没有找到任何节日安排（如“一、元旦：1月1日放假，共1天。”）"));
                return CalendarReading.failed(problems);
            }
            for (Item item : items) {
                readItem(item);
            }
            Set<String> arranged = new LinkedHashSet<>();
            items.forEach(i -> arranged.addAll(List.of(i.name.split("、"))));
            for (String festival : StatutoryHolidays.FESTIVALS) {
                if (!arranged.contains(festival)) {
                    problems.add(new CalendarProblem(0, festival, "通知里没有" + festival + "的安排（七个节日都应列出）"));
                }
            }
            if (!problems.isEmpty()) {
                return CalendarReading.failed(problems);
            }
            return CalendarReading.of(new YearCalendar(year, YearCalendar.Origin.NOTICE, source,
                    new ArrayList<>(days.values())));
        }

        private void splitIntoItems() {
            Item current = null;
            for (int i = 0; i < lines.size(); i++) {
                int lineNo = i + 1;
                String line = lines.get(i);
                if (line.isEmpty() || SIGNATURE_DATE.matcher(line).matches()) {
                    current = null;
                    continue;
                }
                List<int[]> headers = new ArrayList<>(); // start, end of each header
                Matcher m = HEADER.matcher(line);
                while (m.find()) {
                    if (m.start() == 0 || line.charAt(m.start() - 1) == '。') {
                        headers.add(new int[] {m.start(), m.end()});
                    }
                }
                String before = headers.isEmpty() ? line : line.substring(0, headers.getFirst()[0]);
                if (!before.isEmpty()) {
                    if (current != null && (current.unfinished() || STARTS_WITH_DATE.matcher(before).find())) {
                        current.append(before, lineNo);
                    } else {
                        current = null;
                        outside(before, lineNo);
                    }
                }
                for (int h = 0; h < headers.size(); h++) {
                    int[] header = headers.get(h);
                    Matcher name = HEADER.matcher(line.substring(header[0], header[1]));
                    name.find();
                    current = new Item(name.group(1), lineNo);
                    items.add(current);
                    int end = h + 1 < headers.size() ? headers.get(h + 1)[0] : line.length();
                    current.append(line.substring(header[1], end), lineNo);
                }
            }
        }

        /** Text outside every item: only an arrangement there is a problem (a misspelt festival, say). */
        private void outside(String text, int lineNo) {
            Matcher numbered = NUMBERED_ITEM.matcher(text);
            if (numbered.find()) {
                problems.add(new CalendarProblem(lineNo, numbered.group(1), "不认识的节日名称（应为"
                        + String.join("、", StatutoryHolidays.FESTIVALS) + "）"));
                return;
            }
            for (String sentence : text.split("[。；]")) {
                if (!sentence.startsWith("鼓励") && ANY_DATE.matcher(sentence).find()
                        && (sentence.contains("放假") || sentence.contains("上班"))) {
                    problems.add(new CalendarProblem(lineNo, sentence, "这句安排不在任何节日条目里（条目应以“元旦：”等开头）"));
                }
            }
        }

        private void readItem(Item item) {
            String text = item.text.toString();
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == '。' || text.charAt(i) == '；') {
                    String sentence = text.substring(start, i);
                    int lineNo = item.lines.isEmpty() ? item.line
                            : item.lines.get(Math.min(start, item.lines.size() - 1));
                    readSentence(item, sentence.replaceFirst("^，+", ""), lineNo);
                    start = i + 1;
                }
            }
            if (!item.hasHoliday) {
                problems.add(new CalendarProblem(item.line, item.name, "没有找到放假日期（如“10月1日至7日放假”）"));
            }
        }

        private void readSentence(Item item, String sentence, int lineNo) {
            if (sentence.isEmpty() || sentence.startsWith("鼓励")) {
                return;
            }
            if (sentence.contains("放假")) {
                readHoliday(item, sentence, lineNo);
            } else if (sentence.endsWith("上班")) {
                readWorkdays(item, sentence.substring(0, sentence.length() - 2), lineNo);
            } else if (ANY_DATE.matcher(sentence).find()) {
                problems.add(new CalendarProblem(lineNo, sentence, "读不懂这一句：应是“…放假…”或“…上班”"));
            }
        }

        private void readHoliday(Item item, String sentence, int lineNo) {
            item.hasHoliday = true; // read or reported here: not "no holiday" as well
            Matcher m = HOLIDAY.matcher(sentence);
            if (!m.matches()) {
                problems.add(new CalendarProblem(lineNo, sentence,
                        "放假日期应写成“10月1日（周四）至7日（周三）放假调休，共7天”"));
                return;
            }
            LocalDate from = date(m.group(1), m.group(2), m.group(3), year, sentence, lineNo);
            if (from == null) {
                return;
            }
            LocalDate to = from;
            if (m.group(7) != null) {
                if (m.group(5) == null && m.group(6) != null && Integer.parseInt(m.group(6)) < from.getMonthValue()) {
                    problems.add(new CalendarProblem(lineNo, sentence, "跨年的日期请写明年份，如“2022年12月31日至2023年1月2日”"));
                    return;
                }
                to = date(m.group(5) != null ? m.group(5) : String.valueOf(from.getYear()),
                        m.group(6) != null ? m.group(6) : String.valueOf(from.getMonthValue()), m.group(7), year,
                        sentence, lineNo);
                if (to == null) {
                    return;
                }
            }
            long count = ChronoUnit.DAYS.between(from, to) + 1;
            if (count < 1 || count > LONGEST_BREAK_DAYS) {
                problems.add(new CalendarProblem(lineNo, sentence, "放假日期的起止不对（" + count + "天）"));
                return;
            }
            checkWeekday(m.group(4), from, sentence, lineNo);
            checkWeekday(m.group(8), to, sentence, lineNo);
            Matcher rest = HOLIDAY_REST.matcher(m.group(9));
            if (!rest.matches()) {
                problems.add(new CalendarProblem(lineNo, m.group(9), "读不懂“放假”之后的这段话"));
                return;
            }
            if (rest.group(1) != null && Integer.parseInt(rest.group(1)) != count) {
                problems.add(new CalendarProblem(lineNo, sentence,
                        "“共" + rest.group(1) + "天”与日期不符：" + chinese(from) + "至" + chinese(to) + "是" + count + "天"));
                return;
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                add(new CalendarDay(d, DayKind.HOLIDAY, item.name), sentence, lineNo);
            }
        }

        private void readWorkdays(Item item, String dates, int lineNo) {
            Matcher m = WORKDAY.matcher(dates);
            StringBuilder between = new StringBuilder();
            int last = 0;
            List<LocalDate> found = new ArrayList<>();
            while (m.find()) {
                between.append(dates, last, m.start());
                last = m.end();
                LocalDate d = date(m.group(1), m.group(2), m.group(3), year, dates, lineNo);
                if (d == null) {
                    return;
                }
                checkWeekday(m.group(4), d, dates, lineNo);
                if (d.getDayOfWeek().getValue() < 6) {
                    problems.add(new CalendarProblem(lineNo, dates, chinese(d) + "是" + weekday(d)
                            + "：调休上班日应是周六或周日"));
                    return;
                }
                found.add(d);
            }
            between.append(dates.substring(last));
            if (found.isEmpty() || !WORKDAY_SEPARATORS.matcher(between).matches()) {
                problems.add(new CalendarProblem(lineNo, dates + "上班", "上班日期应写成“9月20日（周日）、10月10日（周六）上班”"));
                return;
            }
            for (LocalDate d : found) {
                add(new CalendarDay(d, DayKind.WORKDAY, item.name + "调休上班"), dates, lineNo);
            }
        }

        private void add(CalendarDay day, String fragment, int lineNo) {
            if (day.date().isBefore(YearCalendar.firstDay(year)) || day.date().getYear() > year) {
                problems.add(new CalendarProblem(lineNo, fragment, chinese(day.date()) + "不在" + year + "年的安排之内"));
                return;
            }
            CalendarDay before = days.get(day.date());
            if (before != null) {
                problems.add(new CalendarProblem(lineNo, fragment, chinese(day.date()) + "已在第" + dayLines.get(day.date())
                        + "行安排为“" + before.name() + "”"));
                return;
            }
            days.put(day.date(), day);
            dayLines.put(day.date(), lineNo);
        }

        private LocalDate date(String yearText, String month, String day, int defaultYear, String fragment, int lineNo) {
            try {
                return LocalDate.of(yearText == null ? defaultYear : Integer.parseInt(yearText), Integer.parseInt(month),
                        Integer.parseInt(day));
            } catch (DateTimeException e) {
                problems.add(new CalendarProblem(lineNo, fragment, "日期不存在：" + month + "月" + day + "日"));
                return null;
            }
        }

        private void checkWeekday(String brackets, LocalDate date, String fragment, int lineNo) {
            if (brackets == null) {
                return;
            }
            Matcher m = WEEKDAY.matcher(brackets);
            if (m.find()) {
                int said = m.group(1).equals("天") ? 7 : WEEKDAYS.indexOf(m.group(1)) + 1;
                if (said != date.getDayOfWeek().getValue()) {
                    problems.add(new CalendarProblem(lineNo, fragment, chinese(date) + "是" + weekday(date) + "，不是周"
                            + m.group(1)));
                }
            }
        }
    }

    /** Full-width digits to ASCII, half-width punctuation to full-width, no spaces (a web page or PDF copy). */
    static String normalise(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF') {
                continue;
            }
            out.append(switch (c) {
                case ':' -> '：';
                case '(' -> '（';
                case ')' -> '）';
                case ',' -> '，';
                case ';' -> '；';
                default -> c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c;
            });
        }
        return out.toString();
    }

    private static String chinese(LocalDate d) {
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String weekday(LocalDate d) {
        return "周" + WEEKDAYS.charAt(d.getDayOfWeek().getValue() - 1);
    }
}
