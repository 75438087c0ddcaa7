package cn.lyg.xilian.core.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HolidayNoticeTest {

    private static final String NOTICE_2026 = CalendarTexts.read(CalendarTexts.NOTICE_2026);

    @Test
    void the2026NoticeReadsAsTheShippedCalendar() {
        YearCalendar read = CalendarTexts.notice(CalendarTexts.NOTICE_2026);

        assertThat(read.year()).isEqualTo(2026);
        assertThat(read.source()).isEqualTo("国务院办公厅关于2026年部分节假日安排的通知");
        assertThat(read.sameDays(WorkCalendar.seed(2026).orElseThrow())).isTrue();
        assertThat(CalendarCsv.write(read)).isEqualTo(CalendarTexts.read(CalendarTexts.SEED_2026));
    }

    @Test
    void theNewswireLayoutReadsTheSame() {
        // half-width punctuation, 星期 for 周, spaces and full-width digits, items run together and wrapped mid-sentence,
        // no numbering, a dateline with a date before the title
        YearCalendar read = CalendarTexts.notice(CalendarTexts.NOTICE_2026_NEWSWIRE);

        assertThat(read.sameDays(CalendarTexts.notice(CalendarTexts.NOTICE_2026))).isTrue();
    }

    @Test
    void aFictional2027NoticeWithAdviceInsideAnItem() {
        YearCalendar read = CalendarTexts.notice(CalendarTexts.NOTICE_2027_FICTIONAL);

        assertThat(read.year()).isEqualTo(2027);
        assertThat(read.workdays()).extracting(d -> d.date() + " " + d.name()).containsExactly(
                "2027-01-31 春节调休上班", "2027-02-20 春节调休上班", "2027-05-08 劳动节调休上班",
                "2027-09-26 国庆节调休上班", "2027-10-09 国庆节调休上班");
        assertThat(read.holidays()).hasSize(3 + 10 + 3 + 5 + 1 + 1 + 7);
        assertThat(read.kindOf(LocalDate.of(2027, 2, 4))).as("advice to rest is not a holiday").isNull();
        // every statutory day of the rules is a holiday of the notice
        assertThat(StatutoryHolidays.of(2027).holidays())
                .allSatisfy(d -> assertThat(read.kindOf(d.date())).as(d.toString()).isEqualTo(DayKind.HOLIDAY));
    }

    @Test
    void aRangeAcrossTheNewYearAndCombinedFestivals() {
        String notice = """
                国务院办公厅关于2023年部分节假日安排的通知
                一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。
                二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。
                三、清明节：4月5日放假，共1天。
                四、劳动节：4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。
                五、端午节：6月22日至24日放假调休，共3天。6月25日（星期日）上班。
                六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。
                """;

        YearCalendar read = HolidayNotice.parse(notice, "2023.txt").calendar().orElseThrow();

        assertThat(read.kindOf(LocalDate.of(2022, 12, 31))).isEqualTo(DayKind.HOLIDAY);
        assertThat(read.days().getFirst().name()).isEqualTo("元旦");
        assertThat(read.days()).filteredOn(d -> d.date().equals(LocalDate.of(2023, 10, 8)))
                .extracting(CalendarDay::name).containsExactly("中秋节、国庆节调休上班");
    }

    @Test
    void everyFragmentItCannotReadIsReportedWithItsLineAndNothingIsRead() {
        String broken = NOTICE_2026
                .replace("1月4日（周日）上班", "1月4日（周一）上班")               // line 7: wrong weekday
                .replace("共9天", "共8天")                                      // line 9: count does not match
                .replace("四、劳动节：", "四、劳动日：")                          // line 13: unknown festival
                .replace("6月19日（周五）至21日（周日）放假，共3天。", "6月19日（周五）至21日（周日）放假，共3天。6月22日调整。") // line 15
                .replace("10月10日（周六）上班", "10月9日（周五）上班");           // line 19: a Friday is no make-up day

        CalendarReading reading = HolidayNotice.parse(broken, "broken.txt");

        assertThat(reading.calendar()).isEmpty();
        assertThat(reading.problems()).extracting(CalendarProblem::line).containsExactly(13, 7, 9, 15, 19, 0);
        assertThat(reading.problems()).extracting(CalendarProblem::message).satisfiesExactly(
                m -> assertThat(m).contains("不认识的节日名称"),
                m -> assertThat(m).contains("1月4日是周日，不是周一"),
                m -> assertThat(m).contains("共8天", "9天"),
                m -> assertThat(m).contains("读不懂"),
                m -> assertThat(m).contains("10月9日是周五"),
                m -> assertThat(m).contains("劳动节"));
        assertThat(reading.problems().getFirst().fragment()).isEqualTo("劳动日");
    }

    @Test
    void aNoticeWithoutYearOrItemsIsAProblem() {
        assertThat(HolidayNotice.parse("一、元旦：1月1日放假，共1天。", "x.txt").problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("年份"));
        assertThat(HolidayNotice.parse("国务院办公厅关于2027年部分节假日安排的通知\n全文如下。", "x.txt").problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("没有找到任何节日安排"));
        List<CalendarProblem> overlapping = HolidayNotice.parse(NOTICE_2026.replace("9月25日（周五）至27日（周日）",
                "10月1日（周四）至3日（周六）"), "x.txt").problems();
        assertThat(overlapping).isNotEmpty().allSatisfy(p -> assertThat(p.message()).contains("已在第17行安排为“中秋节”"));
    }
}
