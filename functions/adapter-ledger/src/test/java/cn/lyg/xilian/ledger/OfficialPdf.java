package cn.lyg.xilian.ledger;

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
import static org.assertj.core.data.Offset.offset;

/**
 * A document of {@link OfficialDocx} as a reader gets it: LibreOffice (headless, Debian's libreoffice-writer-nogui)
 * converts the .docx to PDF; poppler (pdftotext -bbox, pdftoppm) measures the pages and renders page 1 to
 * target/bulletin/NAME-page1.png, kept as a build artefact with the PDF. The fonts of GB/T 9704 are not on this
 * machine: LibreOffice substitutes a CJK font of the same metrics class, so the line grid and margins hold.
 *
 * <p>Skipped, with that reason, only where soffice or poppler is not installed (infra/bin/test installs both).
 */
final class OfficialPdf {

    static final double PT_PER_MM = 72 / 25.4;
    private static final Path OUT = Path.of("target", "bulletin");

    final Path pdf;
    private final String name;

    private OfficialPdf(Path pdf, String name) {
        this.pdf = pdf;
        this.name = name;
    }

    /** Converts {@code docx} as target/bulletin/NAME.docx to NAME.pdf and page 1 to {@code png}-page1.png. */
    static OfficialPdf convert(byte[] docx, String name, String png) throws Exception {
        assumeThat(onPath("soffice")).as("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui").isTrue();
        assumeThat(onPath("pdftotext")).as("poppler is not installed: apt-get install poppler-utils").isTrue();
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name + ".docx");
        Files.write(file, docx);
        Path profile = Files.createTempDirectory("lo-profile");
        run("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--convert-to", "pdf",
                "--outdir", OUT.toString(), file.toString());
        Path pdf = OUT.resolve(name + ".pdf");
        assertThat(pdf).exists();
        run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                OUT.resolve(png + "-page1").toString());
        assertThat(OUT.resolve(png + "-page1.png")).exists();
        return new OfficialPdf(pdf, name);
    }

    /** The text as pdftotext extracts it (UTF-8), all white space removed. */
    String text() throws Exception {
        Path txt = OUT.resolve(name + ".txt");
        run("pdftotext", "-enc", "UTF-8", pdf.toString(), txt.toString());
        return Files.readString(txt).replaceAll("\\s+", "");
    }

    /**
     * The layout of GB/T 9704 measured: A4 pages; the body's text box, footers left out (words below the bottom
     * margin), on every page inside the margins, and on a full page (the first) touching them within 1 mm on the left,
     * the top and the right; page numbers below the text area, odd pages at the right, even at the left. Returns the
     * number of pages. The line grid: {@link #baselines}.
     */
    int assertLayout() throws Exception {
        List<Page> pages = bboxes();
        System.out.printf("%s PDF: %d pages%n", name, pages.size());
        assertThat(pages.size()).isGreaterThanOrEqualTo(2);
        for (Page page : pages) {
            assertThat(page.width / PT_PER_MM).isCloseTo(210, offset(0.5));
            assertThat(page.height / PT_PER_MM).isCloseTo(297, offset(0.5));
        }
        Page first = pages.getFirst();
        double left = first.body.stream().mapToDouble(w -> w[0]).min().orElseThrow() / PT_PER_MM;
        double top = first.body.stream().mapToDouble(w -> w[1]).min().orElseThrow() / PT_PER_MM;
        double right = 210 - first.body.stream().filter(w -> w[4] == 0).mapToDouble(w -> w[2]).max().orElseThrow() / PT_PER_MM;
        double bottom = 297 - first.body.stream().mapToDouble(w -> w[3]).max().orElseThrow() / PT_PER_MM;
        System.out.printf("%s page 1 text box: left %.2f mm, top %.2f mm, right %.2f mm, bottom %.2f mm%n",
                name, left, top, right, bottom);
        assertThat(left).isCloseTo(28, offset(1.0));
        assertThat(right).isCloseTo(26, offset(1.0));
        assertThat(top).isCloseTo(37, offset(1.0)); // the title's glyphs, first line
        assertThat(bottom).isGreaterThanOrEqualTo(35 - 1.0);
        for (Page page : pages) {
            for (double[] w : page.body) {
                assertThat(w[0] / PT_PER_MM).isGreaterThanOrEqualTo(28 - 1.0);
                assertThat(210 - w[2] / PT_PER_MM).isGreaterThanOrEqualTo(26 - 1.0 - w[4] * 6);
                assertThat(w[1] / PT_PER_MM).isGreaterThanOrEqualTo(37 - 1.0);
                assertThat(297 - w[3] / PT_PER_MM).isGreaterThanOrEqualTo(35 - 1.0);
            }
        }
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
        return pages.size();
    }

    /**
     * The distinct baselines (bottom of the words, whole mm from the top) of page {@code number} (from 1): on a page of body
     * text only, at most 22, one grid pitch (225 mm / 22) apart.
     */
    List<Double> baselines(int number) throws Exception {
        List<Double> lines = bboxes().get(number - 1).body.stream().map(w -> (double) Math.round(w[3] / PT_PER_MM))
                .distinct().sorted().toList();
        System.out.printf("%s page %d: %d lines%n", name, number, lines.size());
        return lines;
    }

    /** 225 mm / 22 lines. */
    static final double PITCH_MM = 225.0 / 22;

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
    private List<Page> bboxes() throws Exception {
        Path html = OUT.resolve(name + "-bbox.html");
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
