package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.report.Lines.RedItem;
import cn.lyg.xilian.core.report.WeeklySummary;
import cn.lyg.xilian.core.yearend.YearSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * The weekly 情况通报 and the 年度总结 as a reader gets them ({@link OfficialPdf}: LibreOffice to PDF, measured with
 * poppler; page 1 of each at target/bulletin/情况通报-page1.png and 年度总结-page1.png): the same A4 page, margins
 * within 1 mm, 22-line grid and page numbers, the Chinese intact in the extracted text. Skipped only where soffice
 * or poppler is not installed.
 */
class BulletinPdfTest {

    private static final WeeklySummary WEEK = BulletinSamples.summary();
    private static final YearSummary YEAR = BulletinSamples.yearSummary();
    private static OfficialPdf weekly;
    private static OfficialPdf annual;

    @BeforeAll
    static void convert() throws Exception {
        weekly = OfficialPdf.convert(new DocxBulletinWriter().write(WEEK, DocxBulletinWriterTest.HEADING),
                "bulletin", "情况通报");
        annual = OfficialPdf.convert(new DocxYearBulletinWriter().write(YEAR, DocxYearBulletinWriterTest.HEADING),
                "year-bulletin", "年度总结");
    }

    @Test
    void a4PagesWithTheTextInsideTheMargins() throws Exception {
        weekly.assertLayout();
        // 22 lines a page: page 2 is all body text (page 1's title takes 1.5 lines)
        assertThat(weekly.baselines(2)).hasSize(22);
    }

    @Test
    void theTextHasTheTitleAndEveryRedTask() throws Exception {
        String text = weekly.text();
        assertThat(text).contains(DocxBulletinWriterTest.HEADING.title().replaceAll("\\s+", ""));
        assertThat(WEEK.redItems()).isNotEmpty();
        for (RedItem red : WEEK.redItems()) {
            assertThat(text).contains((red.taskId() + red.taskTitle()).replaceAll("\\s+", ""));
        }
        assertThat(text).contains("—1—").contains("—2—");
    }

    @Test
    void theYearSummaryHasTheSameLayout() throws Exception {
        int pages = annual.assertLayout();
        System.out.printf("年度总结 PDF: %d pages%n", pages);
        assertThat(pages).as("24 pairs of 12 tasks and 4 units: title, figures, ranking, three lists, problems")
                .isBetween(4, 7);
        // page 3 is list items only (the table ends before): on the 22-line grid; a heading kept with its next
        // paragraph may leave the last lines empty
        List<Double> lines = annual.baselines(3);
        assertThat(lines).hasSizeBetween(20, 22);
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i) - lines.get(i - 1)).isCloseTo(OfficialPdf.PITCH_MM, offset(1.0)); // whole mm
        }
    }

    @Test
    void theYearSummaryHasItsChineseHeadingsAndUnits() throws Exception {
        String text = annual.text();
        assertThat(text).contains("2026年锡连南北结对帮扶合作工作总结", "截至2027年1月15日", "一、总体情况",
                "二、各单位完成情况和排名", "三、未完成和逾期完成的任务", "（一）逾期未完成", "（二）逾期完成", "四、存在问题",
                "连云港市发展和改革委员会", "2027年1月15日");
        for (YearSummary.UnitLine unit : YEAR.units()) {
            assertThat(text).contains(unit.unitName());
        }
        assertThat(text).contains("经批准延期后按期完成1项次").contains("—1—").contains("—2—");
    }
}
