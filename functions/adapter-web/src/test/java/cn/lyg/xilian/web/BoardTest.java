package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.report.LedgerColumn;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The board and its downloads over real HTTP, against the fixture of {@link BoardFixture}. */
class BoardTest {

    @RegisterExtension
    static final TestApp app = TestApp.running(BoardFixture.properties());
    static String coordinator;
    static String lianyun;

    @BeforeAll
    static void start() {
        BoardFixture.load(app);
        coordinator = signIn(app.issue(Role.COORDINATOR, null));
        lianyun = signIn(app.issue(Role.UNIT, "lianyun"));
    }

    static String signIn(String token) {
        return Http.signIn(app.url(""), token);
    }

    /** Task id → light, in page order. */
    static Map<String, String> rows(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<tr[^>]*id=\"task-([^\"]+)\"[^>]*data-light=\"([A-Z]+)\"").matcher(html);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    static String board(String query, String cookie) {
        HttpResponse<String> r = Http.get(app.url("/board" + query), cookie);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void everyTaskWithLightsReasonsAndChart() {
        String html = board("", coordinator);
        Map<String, String> rows = rows(html);
        assertThat(rows).hasSize(app.plan.tasks().size());
        assertThat(rows).containsEntry("1.1", "RED").containsEntry("2.8", "RED").containsEntry("3.1.6", "RED")
                .containsEntry("3.1.4", "GREEN").containsEntry("3.2.2", "GREEN").containsEntry("3.3.1", "YELLOW")
                .containsEntry("1.2", "YELLOW");
        assertThat(rows.values()).filteredOn("RED"::equals).hasSize(3);
        assertThat(html).contains("已逾期5天，尚未填报").contains("进度滞后：按期应达23%，实际5%")
                .contains("方案印发以来44天未填报").contains("截至 <span>2026-08-05</span>")
                .contains("各领域平均完成进度").contains("<span>产业</span>").contains("<span>统筹开展两市帮扶合作</span>")
                .contains("href=\"/board/ledger.xlsx\"").contains("href=\"/board/ledger.csv\"");
        // The light is written as a word, not only a colour.
        assertThat(html).containsPattern("class=\"light l-red\">红<").containsPattern("class=\"light l-green\">绿<");
    }

    @Test
    void filtersBySectionFieldUnitAndLight() {
        assertThat(rows(board("?field=INDUSTRY", coordinator)).keySet())
                .containsExactly("3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5", "3.1.6", "3.1.7");
        assertThat(rows(board("?section=3.2", coordinator)).keySet())
                .containsExactly("3.2.1", "3.2.2", "3.2.3", "3.2.4");
        assertThat(rows(board("?field=INDUSTRY&light=GREEN", coordinator)).keySet()).containsExactly("3.1.4");
        assertThat(rows(board("?light=RED", coordinator)).keySet()).containsExactly("1.1", "2.8", "3.1.6");
        // Red or yellow (the alert emails' link): every task but the green ones, the filter kept in the links.
        Map<String, String> notGreen = rows(board("?light=NOT_GREEN&sort=risk", coordinator));
        assertThat(notGreen).isNotEmpty().doesNotContainValue("GREEN").containsEntry("1.1", "RED").containsEntry("1.2", "YELLOW");
        assertThat(notGreen).hasSize((int) rows(board("", coordinator)).values().stream().filter(l -> !l.equals("GREEN")).count());
        assertThat(board("?light=NOT_GREEN", coordinator)).contains("href=\"/board/ledger.xlsx?light=NOT_GREEN\"");
        // The unit filter narrows the rows to that unit's tasks and the light to that unit's own.
        Map<String, String> lianyunRows = rows(board("?unit=lianyun", coordinator));
        assertThat(lianyunRows.keySet())
                .containsExactly("1.1", "1.2", "1.3", "3.1.1", "3.1.6", "3.2.1", "3.4.1", "3.5.1");
        // Empty values (the form's "全部") mean no filter.
        assertThat(rows(board("?section=&field=&unit=&light=&sort=", coordinator))).hasSize(app.plan.tasks().size());
        assertThat(Http.get(app.url("/board?light=BLUE"), coordinator).statusCode()).isEqualTo(400);
        assertThat(Http.get(app.url("/board?section=9"), coordinator).statusCode()).isEqualTo(400);
        // 待审核: the tasks where a unit's latest report waits for review (the fixture's four, none reviewed yet).
        assertThat(rows(board("?review=PENDING", coordinator)).keySet())
                .containsExactly("3.1.4", "3.1.6", "3.2.2", "3.3.1");
        assertThat(rows(board("?review=PENDING&field=INDUSTRY", coordinator)).keySet()).containsExactly("3.1.4", "3.1.6");
        assertThat(board("?review=PENDING", coordinator)).contains("href=\"/board/ledger.xlsx?review=PENDING\"");
        assertThat(Http.get(app.url("/board?review=pending"), coordinator).statusCode()).isEqualTo(400);
    }

    @Test
    void sortsByDeadlineAndRisk() {
        List<String> byDeadline = new ArrayList<>(rows(board("?sort=deadline", coordinator)).keySet());
        assertThat(byDeadline.get(0)).isEqualTo("1.1"); // the only 07-31 deadline
        assertThat(byDeadline.subList(1, 4)).containsExactly("1.2", "1.3", "1.4"); // then plan order
        List<Map.Entry<String, String>> byRisk = new ArrayList<>(rows(board("?sort=risk", coordinator)).entrySet());
        // Reds first: the overdue 1.1, then 2.8 (0 %) before 3.1.6 (30 %) at equal days left; greens last.
        assertThat(byRisk.subList(0, 3)).extracting(Map.Entry::getKey).containsExactly("1.1", "2.8", "3.1.6");
        assertThat(byRisk.get(3).getValue()).isEqualTo("YELLOW");
        assertThat(byRisk.subList(byRisk.size() - 2, byRisk.size())).extracting(Map.Entry::getValue)
                .containsOnly("GREEN");
        List<String> lights = byRisk.stream().map(Map.Entry::getValue).toList();
        assertThat(lights.lastIndexOf("RED")).isLessThan(lights.indexOf("YELLOW"));
        assertThat(lights.lastIndexOf("YELLOW")).isLessThan(lights.indexOf("GREEN"));
        // Sort links keep the filters.
        assertThat(board("?field=INDUSTRY", coordinator)).contains("href=\"/board?field=INDUSTRY&amp;sort=risk\"");
    }

    @Test
    void aUnitSeesOnlyItsOwnRowsOnTheBoardAndInTheDownloads() {
        String html = board("", lianyun);
        assertThat(rows(html).keySet())
                .containsExactly("1.1", "1.2", "1.3", "3.1.1", "3.1.6", "3.2.1", "3.4.1", "3.5.1");
        assertThat(html).doesNotContain("东海县").doesNotContain("3.1.4").doesNotContain("id=\"f-unit\"");
        assertThat(Http.get(app.url("/board?unit=donghai"), lianyun).statusCode()).isEqualTo(403);
        assertThat(Http.get(app.url("/board/ledger.csv?unit=donghai"), lianyun).statusCode()).isEqualTo(403);
        assertThat(Http.getBytes(app.url("/board/ledger.xlsx?unit=donghai"), lianyun).statusCode()).isEqualTo(403);

        String csv = Http.get(app.url("/board/ledger.csv"), lianyun).body();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(1 + 8);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains(",连云区,lianyun,"));
        assertThat(Http.get(app.url("/board/ledger.csv"), null).statusCode()).isEqualTo(401);
    }

    @Test
    void hostileTextIsEscapedOnEveryPage() {
        for (String page : List.of("/board", "/board?light=RED", "/coordinator", "/tasks/3.1.6")) {
            String html = Http.get(app.url(page), coordinator).body();
            assertThat(html).as(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;土地指标&quot;未落实&quot;")
                    .doesNotContain("<script>");
        }
        String mine = Http.get(app.url("/"), lianyun).body();
        assertThat(mine).contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("class=\"light l-red\">红<").contains("已逾期5天，尚未填报");
    }

    @Test
    void coordinatorAndTaskPagesShowLightsAndEveryUnitsHistory() {
        String coord = Http.get(app.url("/coordinator"), coordinator).body();
        assertThat(coord).contains("单位上报受阻，进度30%").contains("已逾期5天，尚未填报").contains("href=\"/board\"");
        String task = Http.get(app.url("/tasks/3.1.6"), coordinator).body();
        assertThat(task).contains("各责任单位最新状态").contains("id=\"unit-lianyun\"").contains("受阻")
                // the unit's history block (one page, newest first; see HistoryBoundsSecurityTest)
                .contains("id=\"history-lianyun\"").contains("连云区（最近的记录）");
        assertThat(Http.get(app.url("/"), lianyun).body()).contains("href=\"/board\"");
    }

    @Test
    void downloadsCarryTheLedgerWithAChineseFileName() throws IOException {
        HttpResponse<byte[]> x = Http.getBytes(app.url("/board/ledger.xlsx?field=INDUSTRY"), coordinator);
        assertThat(x.statusCode()).isEqualTo(200);
        assertThat(x.headers().firstValue("content-type")).contains(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String cd = x.headers().firstValue("content-disposition").orElseThrow();
        assertThat(cd).startsWith("attachment; ").contains("filename=\"xilian-ledger-2026-08-05.xlsx\"")
                .contains("filename*=UTF-8''" + BoardController.rfc5987("锡连帮扶台账-2026-08-05.xlsx"));
        assertThat(BoardController.rfc5987("锡连 台账(1).xlsx")).isEqualTo("%E9%94%A1%E8%BF%9E%20%E5%8F%B0%E8%B4%A6%281%29.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("任务编号");
            // 3.1.1 … 3.1.7 have 7+5+8+1+1+1+4 responsible units.
            assertThat(sheet.getLastRowNum()).isEqualTo(27);
            Row blocked = null;
            for (Row r : sheet) {
                if (r.getRowNum() > 0 && r.getCell(0).getStringCellValue().equals("3.1.6")) {
                    blocked = r;
                }
            }
            assertThat(blocked).isNotNull();
            assertThat(blocked.getCell(LedgerColumn.UNIT_NAME.ordinal()).getStringCellValue()).isEqualTo("连云区");
            assertThat(blocked.getCell(LedgerColumn.LIGHT.ordinal()).getStringCellValue()).isEqualTo("红");
            assertThat(blocked.getCell(LedgerColumn.REASON.ordinal()).getStringCellValue()).contains(BoardFixture.HOSTILE);
        }

        HttpResponse<byte[]> c = Http.getBytes(app.url("/board/ledger.csv?light=GREEN"), coordinator);
        assertThat(c.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
        assertThat(c.headers().firstValue("content-disposition").orElseThrow()).contains(".csv");
        String csv = new String(c.body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF任务编号,");
        // Green tasks are 3.1.4 and 3.2.2, one unit each.
        assertThat(csv.lines().skip(1).toList()).hasSize(2)
                .anyMatch(l -> l.startsWith("3.1.4,") && l.contains(",东海县,donghai,") && l.contains(",已完成,100,"));
        // A unit's file is named after the unit.
        assertThat(Http.getBytes(app.url("/board/ledger.csv"), lianyun).headers().firstValue("content-disposition")
                .orElseThrow()).contains(BoardController.rfc5987("锡连帮扶台账-连云区-2026-08-05.csv"));
    }
}
