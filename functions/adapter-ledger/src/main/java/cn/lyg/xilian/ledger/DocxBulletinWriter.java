package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.report.BulletinWriter;
import cn.lyg.xilian.core.report.Lines.Headline;
import cn.lyg.xilian.core.report.Lines.RedItem;
import cn.lyg.xilian.core.report.Lines.UpcomingDeadline;
import cn.lyg.xilian.core.report.Standing;
import cn.lyg.xilian.core.report.UnitScore;
import cn.lyg.xilian.core.report.WeeklySummary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The weekly 情况通报 as a .docx (WordprocessingML written directly) in the layout of GB/T 9704-2012 (党政机关公文格式):
 * A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (text area 156 × 225 mm); title 2号 (22 pt)
 * 方正小标宋简体 centred; body 3号 (16 pt) 仿宋_GB2312 on a grid of 22 lines × 28 characters; headings 一、 in 黑体,
 * （一） in 楷体_GB2312; page numbers 4号 (14 pt) "— 1 —", odd pages right, even pages left (even/odd footers).
 * Fonts are named, not embedded: the offices' PCs have them.
 *
 * <p>Why by hand: POI (poi + poi-ooxml + poi-ooxml-lite + xmlbeans + commons-compress/io/collections4/math3 ≈ 14 MB
 * of jars, ~19 MB with docx4j or poi-tl) cannot fit in the jobs jar's 17.75 MiB budget nor the API's 15.5 MiB
 * (tests/deploy TemplateTest); this class is a few KB. The tests read it back with POI and convert it with
 * LibreOffice, measuring the PDF.
 *
 * <p>The bytes depend only on the content (fixed zip entry times).
 */
public final class DocxBulletinWriter implements BulletinWriter {

    public static final String CONTENT_TYPE =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Fonts of GB/T 9704 (the names as installed on the offices' PCs).
    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String SUBHEADING_FONT = "楷体_GB2312";
    static final String PAGE_NUMBER_FONT = "宋体";
    /** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
    static final int TITLE_SIZE = 44, BODY_SIZE = 32, PAGE_NUMBER_SIZE = 28;

    /** Twips (1/1440 in): 37, 35, 28, 26 mm. */
    static final int MARGIN_TOP = 2098, MARGIN_BOTTOM = 1984, MARGIN_LEFT = 1587, MARGIN_RIGHT = 1474;
    /** 225 mm / 22 lines = 10.23 mm = 579.8 twips, rounded down so 22 lines fit. */
    static final int LINE_PITCH = 579;
    /**
     * 156 mm / 28 = 5.571 mm = 15.79 pt per character, so a 16 pt character is condensed by 0.25 pt (in twentieths of
     * a point: −5; 28 × 15.75 pt = 441 pt ≤ 442.2 pt). Done with character spacing, not a character grid
     * (docGrid linesAndChars): LibreOffice lays a Word character grid out wider (17 characters a line, measured),
     * while spacing gives 28 in LibreOffice (measured) and, by the same arithmetic, in Word and WPS. The line grid (22 lines) is a docGrid of type lines.
     */
    static final int CHAR_SPACING = -5;
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    @Override
    public String extension() {
        return "docx";
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public byte[] write(WeeklySummary s, Heading heading) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "[Content_Types].xml", CONTENT_TYPES);
            entry(zip, "_rels/.rels", ROOT_RELS);
            entry(zip, "docProps/core.xml", core(heading.title()));
            entry(zip, "word/document.xml", document(s, heading));
            entry(zip, "word/_rels/document.xml.rels", DOCUMENT_RELS);
            entry(zip, "word/styles.xml", STYLES);
            entry(zip, "word/settings.xml", SETTINGS);
            entry(zip, "word/footer1.xml", footer("right", "ind w:right=\"320\""));
            entry(zip, "word/footer2.xml", footer("left", "ind w:left=\"320\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String document(WeeklySummary s, Heading heading) {
        Body b = new Body();
        b.p("Title", heading.title());
        b.p("Subtitle", "（" + s.week().chineseTitle() + "　" + s.week().chineseRange() + "）");
        b.blank();

        b.p("Heading1", "一、总体情况");
        Headline h = s.headline();
        b.p("Body", "截至" + chinese(s.asOf()) + "，" + s.planTitle() + "共" + h.tasks() + "项任务，已完成" + h.completed()
                + "项，逾期未完成" + h.overdue() + "项，30日内到期" + h.dueWithin30Days() + "项。按预警规则，红灯" + h.red()
                + "项、黄灯" + h.yellow() + "项、绿灯" + h.green() + "项。本周收到进度填报" + s.newSubmissions().size()
                + "条，" + s.missingReports().size() + "个单位有任务未按周填报。");

        b.p("Heading1", "二、红灯和逾期任务");
        b.p("Heading2", "（一）红灯任务");
        if (s.redItems().isEmpty()) {
            b.p("Body", "本周无红灯任务。");
        }
        int i = 1;
        for (RedItem r : s.redItems()) {
            b.p("Body", i++ + ". " + r.taskId() + " " + r.taskTitle() + "（" + r.unitName() + "）："
                    + String.join("；", r.reasons()) + "。");
        }
        b.p("Heading2", "（二）逾期任务");
        List<Standing.OverduePair> overdue = s.standing().overdue();
        if (overdue.isEmpty()) {
            b.p("Body", "本周无逾期未完成任务。");
        }
        i = 1;
        for (Standing.OverduePair o : overdue) {
            b.p("Body", i++ + ". " + o.taskId() + " " + o.taskTitle() + "（" + o.unitName() + "）：" + chinese(o.deadline())
                    + "到期，已逾期" + o.daysOverdue() + "天。");
        }

        b.p("Heading1", "三、各单位排名");
        b.p("Body", "得分 = 50 × 按时填报率 + 50 × 按期进度率 − 5 × 逾期任务数 − 2 × 退回次数（最低0分）；"
                + "得分相同的，逾期少者在前，再按退回少者、计划所列单位顺序。");
        b.ranking(s.standing().ranking());

        b.p("Heading1", "四、存在问题");
        if (s.standing().problems().isEmpty()) {
            b.p("Body", "本周各单位填报中未反映问题。");
        }
        int u = 0;
        for (Standing.UnitProblems up : s.standing().problems()) {
            b.p("Heading2", "（" + ordinal(++u) + "）" + up.unitName());
            for (Standing.Problem p : up.items()) {
                b.p("Body", p.taskId() + " " + p.taskTitle() + "：" + p.text());
            }
        }

        b.p("Heading1", "五、下步工作");
        b.p("Heading2", "（一）30日内到期任务");
        if (s.upcomingDeadlines().isEmpty()) {
            b.p("Body", "未来30日内无到期任务。");
        }
        i = 1;
        for (UpcomingDeadline d : s.upcomingDeadlines()) {
            b.p("Body", i++ + ". " + d.taskId() + " " + d.taskTitle() + "（" + String.join("、", d.openUnits()) + "）："
                    + d.what() + chinese(d.due()) + "，还有" + d.daysLeft() + "天。");
        }
        b.p("Heading2", "（二）逾期任务督办");
        b.p("Body", overdue.isEmpty() ? "无。" : "请" + String.join("、", overdue.stream().map(Standing.OverduePair::unitName)
                .distinct().toList()) + "对逾期任务明确完成时间，抓紧推进，并在下周填报中说明进展。");

        b.blank();
        b.p("Signature", heading.office());
        b.p("Signature", chinese(heading.date()));
        return DOCUMENT_HEAD + b.xml + SECTION + "</w:body></w:document>";
    }

    /** The body's paragraphs and table, as XML. */
    private static final class Body {
        private final StringBuilder xml = new StringBuilder(16384);

        void p(String style, String text) {
            xml.append("<w:p><w:pPr><w:pStyle w:val=\"").append(style).append("\"/></w:pPr><w:r><w:t xml:space=\"preserve\">")
                    .append(escape(text)).append("</w:t></w:r></w:p>");
        }

        void blank() {
            xml.append("<w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr></w:p>");
        }

        /** 排名 单位 得分 按时填报 按期进度 逾期 退回; widths in twips, adding up to the text width 8845. */
        void ranking(List<UnitScore> ranking) {
            int[] widths = {885, 2600, 1100, 1300, 1300, 830, 830};
            xml.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"Ranking\"/><w:tblW w:w=\"8845\" w:type=\"dxa\"/>")
                    .append("<w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
            for (int w : widths) {
                xml.append("<w:gridCol w:w=\"").append(w).append("\"/>");
            }
            xml.append("</w:tblGrid>");
            row(widths, true, "排名", "单位", "得分", "按时填报", "按期进度", "逾期", "退回");
            for (UnitScore sc : ranking) {
                row(widths, false, String.valueOf(sc.rank()), sc.unitName(), sc.score(),
                        sc.reported() + "/" + sc.cycles(), sc.onPace() + "/" + sc.pairs(),
                        String.valueOf(sc.overdue()), String.valueOf(sc.returned()));
            }
            xml.append("</w:tbl>");
        }

        private void row(int[] widths, boolean header, String... cells) {
            xml.append("<w:tr>");
            if (header) {
                xml.setLength(xml.length() - "<w:tr>".length());
                xml.append("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
            }
            for (int i = 0; i < cells.length; i++) {
                xml.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(widths[i]).append("\" w:type=\"dxa\"/></w:tcPr>")
                        .append("<w:p><w:pPr><w:pStyle w:val=\"").append(header ? "TableHead" : "TableCell")
                        .append("\"/></w:pPr><w:r><w:t xml:space=\"preserve\">").append(escape(cells[i]))
                        .append("</w:t></w:r></w:p></w:tc>");
            }
            xml.append("</w:tr>");
        }
    }

    /** "2026年11月30日" */
    static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String ordinal(int n) {
        String[] digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 10) {
            return digits[n];
        }
        return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10];
    }

    /** XML text: escapes markup and drops the characters XML 1.0 cannot hold (units' free text is untrusted). */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        b.appendCodePoint(c == 0xA || c == 0xD || c == 0x9 ? ' ' : c);
                    }
                }
            }
        });
        return b.toString();
    }

    private static String footer(String align, String indent) {
        return XML + "<w:ftr xmlns:w=\"" + W + "\"><w:p><w:pPr><w:pStyle w:val=\"PageNumber\"/><w:jc w:val=\"" + align
                + "\"/><w:" + indent + "/></w:pPr>"
                + "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                + "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>";
    }

    private static String core(String title) {
        return XML + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + escape(title) + "</dc:title>"
                + "</cp:coreProperties>";
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static final String CONTENT_TYPES = XML
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
            + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
            + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
            + "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "</Types>";

    private static final String ROOT_RELS = XML
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"" + R + "/officeDocument\" Target=\"word/document.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\""
            + " Target=\"docProps/core.xml\"/></Relationships>";

    private static final String DOCUMENT_RELS = XML
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"" + R + "/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"" + R + "/settings\" Target=\"settings.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"" + R + "/footer\" Target=\"footer1.xml\"/>"
            + "<Relationship Id=\"rId4\" Type=\"" + R + "/footer\" Target=\"footer2.xml\"/>"
            + "</Relationships>";

    /** Different odd and even page footers (the page number's side alternates). */
    private static final String SETTINGS = XML + "<w:settings xmlns:w=\"" + W + "\"><w:evenAndOddHeaders/>"
            + "<w:defaultTabStop w:val=\"640\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/></w:settings>";

    private static final String DOCUMENT_HEAD = XML + "<w:document xmlns:w=\"" + W + "\" xmlns:r=\"" + R + "\"><w:body>";

    /** A4 (11906 × 16838 twips), the margins, the footers (default = odd pages), the 22 × 28 grid. */
    private static final String SECTION = "<w:sectPr>"
            + "<w:footerReference w:type=\"default\" r:id=\"rId3\"/><w:footerReference w:type=\"even\" r:id=\"rId4\"/>"
            + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"" + MARGIN_TOP + "\" w:right=\"" + MARGIN_RIGHT + "\" w:bottom=\"" + MARGIN_BOTTOM
            + "\" w:left=\"" + MARGIN_LEFT + "\" w:header=\"851\" w:footer=\"1247\" w:gutter=\"0\"/>"
            + "<w:docGrid w:type=\"lines\" w:linePitch=\"" + LINE_PITCH + "\"/>"
            + "</w:sectPr>";

    private static String rFonts(String font) {
        return "<w:rFonts w:ascii=\"" + font + "\" w:hAnsi=\"" + font + "\" w:eastAsia=\"" + font + "\" w:cs=\"" + font + "\"/>";
    }

    private static String style(String id, String name, String pPr, String font, int size) {
        return "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name
                + "\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>" + pPr + "</w:pPr><w:rPr>" + rFonts(font)
                + "<w:sz w:val=\"" + size + "\"/><w:szCs w:val=\"" + size + "\"/></w:rPr></w:style>";
    }

    // overflowPunct off: no punctuation hanging past the right margin (LibreOffice's default for CJK hangs it, 5 mm).
    /** Exact line spacing at the grid's pitch, so every line (title too) keeps the 22-line grid. */
    private static final String EXACT = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"" + LINE_PITCH + "\" w:lineRule=\"exact\"/>";
    private static final String FIRST_LINE = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>";

    private static final String STYLES = XML + "<w:styles xmlns:w=\"" + W + "\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr>" + rFonts(BODY_FONT) + "<w:kern w:val=\"2\"/><w:spacing w:val=\"" + CHAR_SPACING + "\"/><w:sz w:val=\"" + BODY_SIZE
            + "\"/><w:szCs w:val=\"" + BODY_SIZE + "\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\"/><w:overflowPunct w:val=\"0\"/><w:jc w:val=\"both\"/>" + EXACT + "</w:pPr></w:pPrDefault>"
            + "</w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
            + "<w:pPr><w:overflowPunct w:val=\"0\"/></w:pPr></w:style>"
            + style("Title", "Title", "<w:jc w:val=\"center\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"" + (LINE_PITCH * 3 / 2)
                    + "\" w:lineRule=\"exact\"/>", TITLE_FONT, TITLE_SIZE)
            + style("Subtitle", "Subtitle", "<w:jc w:val=\"center\"/>", SUBHEADING_FONT, BODY_SIZE)
            + style("Body", "Body Text", FIRST_LINE, BODY_FONT, BODY_SIZE)
            + style("Heading1", "heading 1", FIRST_LINE + "<w:keepNext/><w:outlineLvl w:val=\"0\"/>", HEADING_FONT, BODY_SIZE)
            + style("Heading2", "heading 2", FIRST_LINE + "<w:keepNext/><w:outlineLvl w:val=\"1\"/>", SUBHEADING_FONT, BODY_SIZE)
            + style("Signature", "Signature", "<w:jc w:val=\"right\"/><w:ind w:right=\"1280\"/>", BODY_FONT, BODY_SIZE)
            + style("TableHead", "Table Head", "<w:jc w:val=\"center\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"400\" w:lineRule=\"exact\"/>",
                    HEADING_FONT, PAGE_NUMBER_SIZE)
            + style("TableCell", "Table Cell", "<w:jc w:val=\"center\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"400\" w:lineRule=\"exact\"/>",
                    BODY_FONT, PAGE_NUMBER_SIZE)
            + style("PageNumber", "Page Number", "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
                    PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
            + "<w:style w:type=\"table\" w:styleId=\"Ranking\"><w:name w:val=\"Ranking\"/><w:tblPr><w:tblBorders>"
            + "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            + "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            + "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            + "</w:tblBorders></w:tblPr></w:style>"
            + "</w:styles>";
}
