package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.report.BulletinWriter.Heading;
import cn.lyg.xilian.core.yearend.YearBulletin;
import cn.lyg.xilian.core.yearend.YearSummary;
import cn.lyg.xilian.core.yearend.YearSummary.Timeliness;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 年度总结 document's WordprocessingML: its parts parsed as XML (well-formed, the hostile text escaped), the
 * paragraphs' styles in order, the ranking table; the layout parts (styles, settings, footers, the section) are
 * the weekly 情况通报's, byte for byte (one home: OfficialDocx); POI opens it.
 */
class DocxYearBulletinWriterTest {

    static final Heading HEADING = new YearBulletin(new DocxYearBulletinWriter(), "{year}年锡连南北结对帮扶合作工作总结",
            "连云港市发展和改革委员会", null).heading(BulletinSamples.yearSummary());

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private final YearSummary summary = BulletinSamples.yearSummary();
    private final byte[] docx = new DocxYearBulletinWriter().write(summary, HEADING);

    @Test
    void theHeadingIsTheConfiguredTitleOfTheYearDatedTheSummarysDay() {
        assertThat(HEADING.title()).isEqualTo("2026年锡连南北结对帮扶合作工作总结");
        assertThat(HEADING.date()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(new YearBulletin(new DocxYearBulletinWriter(), "t", "o", null).fileName(summary))
                .isEqualTo("2026年度总结-2027-01-15.docx");
    }

    @Test
    void paragraphsInTheirStylesAndOrder() throws Exception {
        Document doc = xml(parts(docx).get("word/document.xml"));
        List<String> headings = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        NodeList paragraphs = doc.getElementsByTagNameNS(W, "p");
        for (int i = 0; i < paragraphs.getLength(); i++) {
            Element p = (Element) paragraphs.item(i);
            NodeList style = p.getElementsByTagNameNS(W, "pStyle");
            String s = style.getLength() == 0 ? "" : ((Element) style.item(0)).getAttributeNS(W, "val");
            if (s.startsWith("Heading")) {
                headings.add(s + ":" + p.getTextContent());
            }
            texts.add(s + ":" + p.getTextContent());
        }
        assertThat(texts.getFirst()).isEqualTo("Title:2026年锡连南北结对帮扶合作工作总结");
        assertThat(texts.get(1)).isEqualTo("Subtitle:（截至2027年1月15日）");
        assertThat(headings.stream().filter(h -> h.startsWith("Heading1")).toList()).containsExactly(
                "Heading1:一、总体情况", "Heading1:二、各单位完成情况和排名", "Heading1:三、未完成和逾期完成的任务",
                "Heading1:四、存在问题");
        assertThat(headings).contains("Heading2:（一）逾期未完成", "Heading2:（二）逾期完成", "Heading2:（三）量化指标未达标");
        // 存在问题 by unit, in ranking order
        List<String> problemUnits = headings.subList(headings.indexOf("Heading1:四、存在问题") + 1, headings.size());
        assertThat(problemUnits).isEqualTo(summary.problems().stream().map(u -> "Heading2:（"
                + OfficialDocx.ordinal(summary.problems().indexOf(u) + 1) + "）" + u.unitName()).toList());
        assertThat(texts.subList(texts.size() - 2, texts.size()))
                .containsExactly("Signature:连云港市发展和改革委员会", "Signature:2027年1月15日");

        YearSummary.Totals t = summary.totals();
        assertThat(t.pairs()).isEqualTo(24);
        assertThat(t.onTimeExtended()).isEqualTo(1);
        String all = String.join("\n", texts);
        assertThat(all).contains("已完成" + t.done() + "项次（按期完成" + t.onTime() + "项次，其中经批准延期后按期完成1项次；逾期完成"
                + t.late() + "项次），逾期未完成" + t.overdue() + "项次");
        summary.pairs().stream().filter(p -> p.timeliness() == Timeliness.OVERDUE).forEach(p ->
                assertThat(all).contains(p.taskId() + " " + p.taskTitle() + "（" + p.unitName() + "）：时限"));
        assertThat(all).contains(BulletinSamples.HOSTILE); // escaped in the XML, intact as text
    }

    @Test
    void theRankingTableHasEveryUnitInOrder() throws Exception {
        Document doc = xml(parts(docx).get("word/document.xml"));
        NodeList tables = doc.getElementsByTagNameNS(W, "tbl");
        assertThat(tables.getLength()).isEqualTo(1);
        NodeList rows = ((Element) tables.item(0)).getElementsByTagNameNS(W, "tr");
        assertThat(rows.getLength()).isEqualTo(1 + summary.units().size());
        assertThat(((Element) rows.item(0)).getElementsByTagNameNS(W, "tblHeader").getLength()).isEqualTo(1);
        int widths = 0;
        NodeList cols = ((Element) tables.item(0)).getElementsByTagNameNS(W, "gridCol");
        for (int i = 0; i < cols.getLength(); i++) {
            widths += Integer.parseInt(((Element) cols.item(i)).getAttributeNS(W, "w"));
        }
        assertThat(widths).isEqualTo(OfficialDocx.TEXT_WIDTH);
        for (int i = 0; i < summary.units().size(); i++) {
            NodeList cells = ((Element) rows.item(i + 1)).getElementsByTagNameNS(W, "tc");
            assertThat(cells.item(0).getTextContent()).isEqualTo(String.valueOf(i + 1));
            assertThat(cells.item(1).getTextContent()).isEqualTo(summary.units().get(i).unitName());
        }
    }

    @Test
    void theLayoutIsTheWeeklyBulletins() throws Exception {
        Map<String, byte[]> year = parts(docx);
        Map<String, byte[]> week = parts(new DocxBulletinWriter().write(BulletinSamples.summary(),
                DocxBulletinWriterTest.HEADING));
        assertThat(year.keySet()).isEqualTo(week.keySet());
        for (String part : List.of("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/footer2.xml")) {
            assertThat(year.get(part)).as(part).isEqualTo(week.get(part));
        }
        for (byte[] part : year.values()) {
            xml(part); // every part well-formed
        }
        String document = new String(year.get("word/document.xml"), java.nio.charset.StandardCharsets.UTF_8);
        String weekly = new String(week.get("word/document.xml"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(document.substring(document.indexOf("<w:sectPr>")))
                .isEqualTo(weekly.substring(weekly.indexOf("<w:sectPr>")));
        try (XWPFDocument poi = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(poi.getParagraphs().getFirst().getText()).isEqualTo(HEADING.title());
        }
        assertThat(new DocxYearBulletinWriter().write(summary, HEADING)).isEqualTo(docx); // same content, same bytes
    }

    static Map<String, byte[]> parts(byte[] zip) throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
