package cn.lyg.xilian.ledger;

import cn.lyg.xilian.core.report.Lines.RedItem;
import cn.lyg.xilian.core.report.WeeklySummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The 情况通报 as a reader gets it: LibreOffice (headless, Debian's libreoffice-writer-nogui) converts the .docx to
 * PDF; poppler (pdftotext -bbox, pdftoppm) measures the pages and renders page 1 to
 * target/bulletin/情况通报-page1.png, kept as a build artefact with the PDF. The fonts of GB/T 9704 are not on this
 * machine: LibreOffice substitutes a CJK font of the same metrics class, so the line grid and margins hold.
 *
 * <p>Skipped, with that reason, only where soffice or poppler is not installed (infra/bin/test installs both).
 */
class BulletinPdfTest {

    private static final double PT_PER_MM = 72 / 25.4;
    private static final Path OUT = Path.of("target", "bulletin");
    private static Path pdf;
    private static final WeeklySummary SUMMARY = BulletinSamples.summary();

    @BeforeAll
    static void convert() throws Exception {
        assumeThat(onPath("soffice")).as("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui").isTrue();
        assumeThat(onPath("pdftotext")).as("poppler is not installed: apt-get install poppler-utils").isTrue();
        Files.createDirectories(OUT);
        Path docx = OUT.resolve("bulletin.docx");
        Files.write(docx, new DocxBulletinWriter().write(SUMMARY, DocxBulletinWriterTest.HEADING));
        Path profile = Files.createTempDirectory("lo-profile");
        run("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--convert-to", "pdf",
                "--outdir", OUT.toString(), docx.toString());
        pdf = OUT.resolve("bulletin.pdf");
        assertThat(pdf).exists();
        run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                OUT.resolve("情况通报-page1").toString());
    }

    @Test
    void a4PagesWithTheTextInsideTheMargins() throws Exception {
        List<Page> pages = bboxes();
        System.out.printf("情况通报 PDF: %d pages%n", pages.size());
        assertThat(pages.size()).isGreaterThanOrEqualTo(2);
        for (Page page : pages) {
            assertThat(page.width / PT_PER_MM).isCloseTo(210, org.assertj.core.data.Offset.offset(0.5));
            assertThat(page.height / PT_PER_MM).isCloseTo(297, org.assertj.core.data.Offset.offset(0.5));
        }
        // The body's text box, footers left out (words below the bottom margin): on every page inside the margins,
        // and on a full page (the first) touching them within 1 mm on the left, the top and the right.
        Page first = pages.getFirst();
        double left = first.body.stream().mapToDouble(w -> w[0]).min().orElseThrow() / PT_PER_MM;
        double top = first.body.stream().mapToDouble(w -> w[1]).min().orElseThrow() / PT_PER_MM;
        double right = 210 - first.body.stream().filter(w -> w[4] == 0).mapToDouble(w -> w[2]).max().orElseThrow() / PT_PER_MM;
        double bottom = 297 - first.body.stream().mapToDouble(w -> w[3]).max().orElseThrow() / PT_PER_MM;
        System.out.printf("page 1 text box: left %.2f mm, top %.2f mm, right %.2f mm, bottom %.2f mm%n",
                left, top, right, bottom);
        assertThat(left).isCloseTo(28, org.assertj.core.data.Offset.offset(1.0));
        assertThat(right).isCloseTo(26, org.assertj.core.data.Offset.offset(1.0));
        assertThat(top).isCloseTo(37, org.assertj.core.data.Offset.offset(1.0)); // the title's glyphs, first line
        assertThat(bottom).isGreaterThanOrEqualTo(35 - 1.0);
        for (Page page : pages) {
            for (double[] w : page.body) {
                assertThat(w[0] / PT_PER_MM).isGreaterThanOrEqualTo(28 - 1.0);
                assertThat(210 - w[2] / PT_PER_MM).isGreaterThanOrEqualTo(26 - 1.0 - w[4] * 6);
                assertThat(w[1] / PT_PER_MM).isGreaterThanOrEqualTo(37 - 1.0);
                assertThat(297 - w[3] / PT_PER_MM).isGreaterThanOrEqualTo(35 - 1.0);
            }
        }
        // 22 lines a page: the distinct lines of page 2 (all body text; page 1's title takes 1.5 lines)
        long lines = pages.get(1).body.stream().mapToLong(w -> Math.round(w[3] / PT_PER_MM)).distinct().count();
        System.out.printf("page 2: %d lines%n", lines);
        assertThat(lines).isEqualTo(22);
        // page numbers: odd pages at the right, even at the left, below the text area
        for (int i = 0; i < pages.size(); i++) {
            List<double[]> footer = pages.get(i).footer;
            assertThat(footer).as("page %d has its number", i + 1).isNotEmpty();
            double x = footer.stream().mapToDouble(w -> w[0]).min().orElseThrow() / PT_PER_MM;
            if (i % 2 == 0) {
                assertThat(x).as("odd page number at the right").isGreaterThan(150);
            } else {
                assertThat(x).as("even page number at the left").isLessThan(60);
            }
        }
    }

    @Test
    void theTextHasTheTitleAndEveryRedTask() throws Exception {
        Path txt = OUT.resolve("bulletin.txt");
        run("pdftotext", "-enc", "UTF-8", pdf.toString(), txt.toString());
        String text = Files.readString(txt).replaceAll("\\s+", "");
        assertThat(text).contains(DocxBulletinWriterTest.HEADING.title().replaceAll("\\s+", ""));
        assertThat(SUMMARY.redItems()).isNotEmpty();
        for (RedItem red : SUMMARY.redItems()) {
            assertThat(text).contains((red.taskId() + red.taskTitle()).replaceAll("\\s+", ""));
        }
        assertThat(text).contains("—1—").contains("—2—");
        assertThat(OUT.resolve("情况通报-page1.png")).exists();
    }

    private record Page(double width, double height, List<double[]> body, List<double[]> footer) {
    }

    private static final Pattern PAGE = Pattern.compile("<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">");
    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");

    /**
     * Words per page from pdftotext -bbox (points, origin top left); below 297 − 35 mm is the footer. The fifth value
     * is 1 for a word ending in CJK punctuation: LibreOffice hangs a line-end 、，。 past the right margin (hanging
     * punctuation, as Word's 允许标点溢出边界; the document turns it off with overflowPunct, which LibreOffice 7.4 does
     * not apply), so such a word may reach one character (5.6 mm) into the right margin and is left out of the
     * text box's right edge.
     */
    private static List<Page> bboxes() throws Exception {
        Path html = OUT.resolve("bulletin-bbox.html");
        run("pdftotext", "-bbox", pdf.toString(), html.toString());
        List<Page> pages = new ArrayList<>();
        for (String chunk : Files.readString(html, StandardCharsets.UTF_8).split("</page>")) {
            Matcher p = PAGE.matcher(chunk);
            if (!p.find()) {
                continue;
            }
            double h = Double.parseDouble(p.group(2));
            List<double[]> body = new ArrayList<>(), footer = new ArrayList<>();
            Matcher w = WORD.matcher(chunk);
            while (w.find()) {
                double[] box = {Double.parseDouble(w.group(1)), Double.parseDouble(w.group(2)),
                        Double.parseDouble(w.group(3)), Double.parseDouble(w.group(4)),
                        w.group(5).matches(".*[、，。；：！？）”」]$") ? 1 : 0};
                (box[1] > h - 35 * PT_PER_MM ? footer : body).add(box);
            }
            pages.add(new Page(Double.parseDouble(p.group(1)), h, body, footer));
        }
        return pages;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(OUT.resolve("tools.log").toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("%s finishes", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s exit code (see target/bulletin/tools.log)", command[0]).isZero();
    }
}
