package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.report.BulletinWriter.Heading;
import cn.lyg.xilian.core.report.Lines.RedItem;
import cn.lyg.xilian.core.report.WeeklySummary;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The 情况通报 read back with POI (XWPF): page, margins, grid, styles' fonts and sizes, footers, content. */
class DocxBulletinWriterTest {

    static final Heading HEADING = new Heading("锡连南北结对帮扶合作情况通报", "连云港市发展和改革委员会", LocalDate.of(2026, 11, 30));

    private final WeeklySummary summary = BulletinSamples.summary();
    private final byte[] docx = new DocxBulletinWriter().write(summary, HEADING);

    @Test
    void pageMarginsAndGridOfGbT9704() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(((BigInteger) sect.getPgSz().getW()).intValue()).isEqualTo(11906); // 210 mm
            assertThat(((BigInteger) sect.getPgSz().getH()).intValue()).isEqualTo(16838); // 297 mm
            CTPageMar mar = sect.getPgMar();
            assertThat(mm(mar.getTop())).isCloseTo(37.0, org.assertj.core.data.Offset.offset(0.05));
            assertThat(mm(mar.getBottom())).isCloseTo(35.0, org.assertj.core.data.Offset.offset(0.05));
            assertThat(mm(mar.getLeft())).isCloseTo(28.0, org.assertj.core.data.Offset.offset(0.05));
            assertThat(mm(mar.getRight())).isCloseTo(26.0, org.assertj.core.data.Offset.offset(0.05));
            // 22 lines of 225 mm, 28 characters of 156 mm
            assertThat(225.0 / (sect.getDocGrid().getLinePitch().intValue() / 1440.0 * 25.4)).isBetween(22.0, 22.05);
            double charPt = 16 + OfficialDocx.CHAR_SPACING / 20.0; // condensed body characters
            assertThat((int) Math.floor(156.0 / (charPt / 72 * 25.4))).isEqualTo(28);
            assertThat(doc.getSettings().getEvenAndOddHeadings()).isTrue();
        }
    }

    @Test
    void stylesNameTheFontsAndSizes() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFStyles styles = doc.getStyles();
            assertFont(styles.getStyle("Title"), "方正小标宋简体", 22);  // 2号
            assertFont(styles.getStyle("Body"), "仿宋_GB2312", 16);     // 3号
            assertFont(styles.getStyle("Heading1"), "黑体", 16);
            assertFont(styles.getStyle("Heading2"), "楷体_GB2312", 16);
            assertFont(styles.getStyle("PageNumber"), "宋体", 14);      // 4号
            assertThat(doc.getParagraphs().getFirst().getText()).isEqualTo(HEADING.title());
            assertThat(doc.getParagraphs().getFirst().getStyle()).isEqualTo("Title");
            assertThat(doc.getParagraphs()).filteredOn(p -> "Heading1".equals(p.getStyle()))
                    .extracting(p -> p.getText()).containsExactly("一、总体情况", "二、红灯和逾期任务", "三、各单位排名",
                            "四、存在问题", "五、下步工作");
            assertThat(doc.getParagraphs()).filteredOn(p -> "Heading2".equals(p.getStyle()))
                    .allMatch(p -> p.getText().startsWith("（"));
        }
    }

    @Test
    void oddFootersRightEvenLeftWithTheDashedPageNumber() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFHeaderFooterPolicy policy = doc.getHeaderFooterPolicy();
            assertThat(policy.getDefaultFooter().getParagraphs().getFirst().getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(policy.getEvenPageFooter().getParagraphs().getFirst().getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
            assertThat(policy.getDefaultFooter().getText().strip()).isEqualTo("— 1 —");
        }
    }

    @Test
    void contentOfTheWeekWithEscapedText() throws Exception {
        assertThat(summary.redItems()).isNotEmpty();
        assertThat(summary.standing().problems()).isNotEmpty();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(p -> p.getText()).toList());
            for (RedItem red : summary.redItems()) {
                assertThat(text).contains(red.taskId() + " " + red.taskTitle() + "（" + red.unitName() + "）");
            }
            assertThat(text).contains(BulletinSamples.HOSTILE).contains("连云港市发展和改革委员会").contains("2026年11月30日");
            assertThat(doc.getTables()).hasSize(1);
            assertThat(doc.getTables().getFirst().getRows()).hasSize(1 + 4);
            assertThat(doc.getTables().getFirst().getRow(1).getCell(1).getText())
                    .isEqualTo(summary.standing().ranking().getFirst().unitName());
        }
        assertThat(new DocxBulletinWriter().write(summary, HEADING)).isEqualTo(docx); // same content, same bytes
    }

    private static void assertFont(XWPFStyle style, String font, int points) {
        CTRPr rPr = style.getCTStyle().getRPr();
        assertThat(rPr.getRFontsArray(0).getEastAsia()).isEqualTo(font);
        assertThat(rPr.getRFontsArray(0).getAscii()).isEqualTo(font);
        assertThat(((BigInteger) rPr.getSzArray(0).getVal()).intValue()).isEqualTo(points * 2);
    }

    private static double mm(Object twips) {
        return ((BigInteger) twips).intValue() / 1440.0 * 25.4;
    }
}
