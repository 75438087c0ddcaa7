package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.report.BulletinWriter.Heading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipOutputStream;

/**
 * The one home of the 公文 layout of GB/T 9704-2012 (党政机关公文格式) as a .docx, WordprocessingML written directly:
 * A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (text area 156 × 225 mm); title 2号 (22 pt)
 * 方正小标宋简体 centred; body 3号 (16 pt) 仿宋_GB2312 on a grid of 22 lines × 28 characters; headings 一、 in 黑体,
 * （一） in 楷体_GB2312; tables in 4号 (14 pt); page numbers 4号 "— 1 —", odd pages right, even pages left (even/odd
 * footers); the issuing office (落款) and date at the end. Fonts are named, not embedded: the offices' PCs have them.
 * The weekly 情况通报 ({@link DocxBulletinWriter}) and the 年度总结 ({@link DocxYearBulletinWriter}) only say what goes
 * in a {@link Body}.
 *
 * <p>Why by hand: POI (poi + poi-ooxml + poi-ooxml-lite + xmlbeans + commons-compress/io/collections4/math3 ≈ 14 MB
 * of jars, ~19 MB with docx4j or poi-tl) cannot fit in the jobs jar's budget nor the API's (tests/deploy
 * TemplateTest); this class is a few KB. The tests read the documents back with POI and convert them with
 * LibreOffice, measuring the PDF.
 *
 * <p>The bytes depend only on the content (fixed zip entry times, as the workbooks' {@link XlsxSheet}).
 */
final class OfficialDocx {

    static final String CONTENT_TYPE =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** The text area's width in twips (156 mm): a table's columns add up to it. */
    static final int TEXT_WIDTH = 8845;

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


    private OfficialDocx() {
    }

    /** The document: the body's paragraphs, then the issuing office and the date (落款), in the layout. */
    static byte[] write(Heading heading, Body body) {
        body.blank();
        body.p("Signature", heading.office());
        body.p("Signature", chinese(heading.date()));
        String document = DOCUMENT_HEAD + body.xml + SECTION + "</w:body></w:document>";
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            XlsxSheet.entry(zip, "[Content_Types].xml", CONTENT_TYPES);
            XlsxSheet.entry(zip, "_rels/.rels", ROOT_RELS);
            XlsxSheet.entry(zip, "docProps/core.xml", core(heading.title()));
            XlsxSheet.entry(zip, "word/document.xml", document);
            XlsxSheet.entry(zip, "word/_rels/document.xml.rels", DOCUMENT_RELS);
            XlsxSheet.entry(zip, "word/styles.xml", STYLES);
            XlsxSheet.entry(zip, "word/settings.xml", SETTINGS);
            XlsxSheet.entry(zip, "word/footer1.xml", footer("right", "ind w:right=\"320\""));
            XlsxSheet.entry(zip, "word/footer2.xml", footer("left", "ind w:left=\"320\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The body's paragraphs and tables, as XML. Styles: Title, Subtitle, Body, Heading1 (一、), Heading2 (（一）),
     * Signature; a table's cells TableHead and TableCell.
     */
    static final class Body {
        private final StringBuilder xml = new StringBuilder(16384);

        /** Opens with the title (2号, centred) and the subtitle in brackets, then a blank line. */
        Body(String title, String subtitle) {
            p("Title", title);
            p("Subtitle", "（" + subtitle + "）");
            blank();
        }

        Body p(String style, String text) {
            xml.append("<w:p><w:pPr><w:pStyle w:val=\"").append(style).append("\"/></w:pPr><w:r><w:t xml:space=\"preserve\">")
                    .append(escape(text)).append("</w:t></w:r></w:p>");
            return this;
        }

        /** A body paragraph. */
        Body text(String text) {
            return p("Body", text);
        }

        /** Numbered body paragraphs "1. …", or {@code none} when there are none. */
        Body numbered(List<String> items, String none) {
            if (items.isEmpty()) {
                return text(none);
            }
            int i = 1;
            for (String item : items) {
                text(i++ + ". " + item);
            }
            return this;
        }

        void blank() {
            xml.append("<w:p><w:pPr><w:pStyle w:val=\"Body\"/></w:pPr></w:p>");
        }

        /** A bordered table, centred, its header row repeated on each page; widths in twips add up to {@link #TEXT_WIDTH}. */
        Body table(int[] widths, List<String> header, List<List<String>> rows) {
            xml.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"Grid\"/><w:tblW w:w=\"").append(TEXT_WIDTH)
                    .append("\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
            for (int w : widths) {
                xml.append("<w:gridCol w:w=\"").append(w).append("\"/>");
            }
            xml.append("</w:tblGrid>");
            row(widths, true, header);
            for (List<String> cells : rows) {
                row(widths, false, cells);
            }
            xml.append("</w:tbl>");
            return this;
        }

        private void row(int[] widths, boolean header, List<String> cells) {
            xml.append(header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
            for (int i = 0; i < cells.size(); i++) {
                xml.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(widths[i]).append("\" w:type=\"dxa\"/></w:tcPr>")
                        .append("<w:p><w:pPr><w:pStyle w:val=\"").append(header ? "TableHead" : "TableCell")
                        .append("\"/></w:pPr><w:r><w:t xml:space=\"preserve\">").append(escape(cells.get(i)))
                        .append("</w:t></w:r></w:p></w:tc>");
            }
            xml.append("</w:tr>");
        }
    }

    /** "2026年11月30日" */
    static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** 1 → "一", 12 → "十二", 21 → "二十一": the numbers of headings 一、 and （一）. */
    static String ordinal(int n) {
        String[] digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 10) {
            return digits[n];
        }
        return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10];
    }

    /** XML text of a run: XlsxSheet's (markup escaped, what XML 1.0 cannot hold dropped), line breaks and tabs as spaces. */
    static String escape(String text) {
        return XlsxSheet.escape(text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
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
            + "<w:style w:type=\"table\" w:styleId=\"Grid\"><w:name w:val=\"Grid\"/><w:tblPr><w:tblBorders>"
            + "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            + "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            + "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            + "</w:tblBorders></w:tblPr></w:style>"
            + "</w:styles>";
}
