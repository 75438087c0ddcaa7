package cn.lyg.xilian.local;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.api.ApiHandler;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.tools.RunJobCommand;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;
import cn.lyg.xilian.testkit.aws.HttpApiResponse;
import cn.lyg.xilian.testkit.aws.LambdaSerialization;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text a unit types that a spreadsheet would run as a formula (= + - @ tab CR) goes in through the real form
 * (the API function's handler, events as API Gateway sends them) and comes out of the board's .xlsx and .csv
 * downloads and the weekly summary's attached .xlsx as inert text, read back with real readers (Apache POI,
 * Commons CSV): the report text is there — in the .xlsx exactly, in a quotePrefix (text) cell; in the .csv after an
 * apostrophe — and no cell is a formula.
 */
@ExtendWith(DynaliteExtension.class)
class HostileTextLedgerTest {

    private static final Map<String, String> HOSTILE = new LinkedHashMap<>();

    static {
        HOSTILE.put("progress", "=HYPERLINK(\"http://evil.example/\",\"点我\")");
        HOSTILE.put("problems", "\t=cmd|' /C calc'!A0");
        HOSTILE.put("nextSteps", "-2+3+cmd|' /C calc'!A0");
        HOSTILE.put("reporter", "@SUM(A1:A9)");
        HOSTILE.put("phone", "+86 518 8580 0000");
    }

    /** The ledger's columns holding the report text, in the order of {@link #HOSTILE}. */
    private static final List<String> COLUMNS = List.of("进展情况", "存在问题", "下步打算", "填报人", "联系电话");

    @Test
    void formulaTextFromTheFormIsInertInTheDownloadsAndTheAttachment(Dynalite dynalite, @TempDir Path data) throws Exception {
        String table = Dynalite.uniqueTableName("hostile");
        Map<String, Object> p = new HashMap<>();
        p.put("xilian.dynamodb.endpoint", dynalite.endpoint().toString());
        p.put("xilian.dynamodb.table", table);
        p.put("xilian.dynamodb.region", "us-east-1");
        p.put("aws.region", "us-east-1");
        p.put("micronaut.server.port", -1);
        p.put("xilian.base-url", "https://xilian.example.cn");
        // On this module's class path its own application.yml shadows the API function's: the setting that makes
        // the .xlsx leave the handler base64-encoded (functions/api/src/main/resources/application.yml) is repeated.
        p.put("micronaut.function.binary-types.additional-types",
                List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        try (ApplicationContext function = ApplicationContext.builder().properties(p).environments("function").start()) {
            ApiHandler handler = new ApiHandler(function);
            new TableCreator(function.getBean(DynamoDbClient.class)).createIfAbsent(table);
            try (InputStream in = Files.newInputStream(root().resolve("infra/plans/plan-2026.json"))) {
                function.getBean(CatalogRepository.class).load(CatalogJson.read(in));
            }
            Credentials credentials = function.getBean(Credentials.class);

            // The unit fills in the form of its task 2.8.
            String unit = signIn(handler, credentials.issue(Role.UNIT, "donghai", Duration.ofDays(1)).token());
            String page = call(handler, HttpApiEvent.get("/tasks/2.8").cookieHeader(unit)).text();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_csrf", page.replaceAll("(?s).*name=\"_csrf\" value=\"([0-9a-f]+)\".*", "$1"));
            form.put("idempotencyKey", page.replaceAll("(?s).*name=\"idempotencyKey\" value=\"([A-Za-z0-9_-]+)\".*", "$1"));
            form.put("status", "推进中");
            form.put("percent", "35");
            form.putAll(HOSTILE);
            HttpApiResponse posted = call(handler, ourPage(HttpApiEvent.post("/tasks/2.8").cookieHeader(unit)).form(form.entrySet().stream()
                            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"))));
            assertThat(posted.status()).as(posted.text()).isEqualTo(303);

            // The coordinators download the ledger.
            String coordinator = signIn(handler, credentials.issue(Role.COORDINATOR, null, Duration.ofDays(1)).token());
            HttpApiResponse xlsx = call(handler, HttpApiEvent.get("/board/ledger.xlsx").cookieHeader(coordinator));
            assertThat(xlsx.status()).isEqualTo(200);
            assertInert(xlsx.body(), "台账");

            HttpApiResponse csv = call(handler, HttpApiEvent.get("/board/ledger.csv").cookieHeader(coordinator));
            assertThat(csv.status()).isEqualTo(200);
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv.text().substring(1))).getRecords(); // after the byte-order mark
            CSVRecord row = records.stream().filter(r -> r.get("任务编号").equals("2.8") && r.get("单位编号").equals("donghai"))
                    .findFirst().orElseThrow();
            int i = 0;
            for (String value : HOSTILE.values()) {
                assertThat(row.get(COLUMNS.get(i++))).isEqualTo("'" + stored(value)); // CSV: the apostrophe
            }
            assertThat(row.get("填报次数")).isEqualTo("1");

            // The weekly summary of this week carries the same ledger as its attachment.
            LocalDate nextMonday = LocalDate.now(PlanTime.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            Path outbox = data.resolve("outbox");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                assertThat(RunJobCommand.run(new String[]{"weekly-summary", "--as-of", nextMonday.toString(),
                        "--endpoint", dynalite.endpoint().toString(), "--table", table, "--outbox", outbox.toString(),
                        "--contacts", root().resolve("infra/local/contacts.yml").toString(), "--base-url", "https://xilian.example.cn"},
                        new PrintStream(out, true, StandardCharsets.UTF_8))).as(out.toString(StandardCharsets.UTF_8)).isZero();
            } finally {
                System.clearProperty("micronaut.config.files");
            }
            byte[] attached = attachmentOfTheCoordinatorsSummary(outbox);
            assertInert(attached, "台账");
        }
    }

    /** The pair's report text is there, apostrophe first; no cell anywhere is a formula. */
    private static void assertInert(byte[] xlsx, String sheetName) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet(sheetName);
            Map<String, Integer> column = new HashMap<>();
            sheet.getRow(0).forEach(c -> column.put(c.getStringCellValue(), c.getColumnIndex()));
            Row row = null;
            for (Row r : sheet) {
                if (text(r.getCell(column.get("任务编号"))).equals("2.8") && text(r.getCell(column.get("单位编号"))).equals("donghai")) {
                    row = r;
                }
            }
            assertThat(row).as("the row of 2.8 / donghai").isNotNull();
            int i = 0;
            for (String value : HOSTILE.values()) {
                Cell cell = row.getCell(column.get(COLUMNS.get(i++)));
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(stored(value)); // .xlsx: exact text, marked as text
                assertThat(cell.getCellStyle().getQuotePrefixed()).as("quotePrefix").isTrue();
            }
            assertThat(row.getCell(column.get("填报次数")).getNumericCellValue()).isEqualTo(1);
            sheet.forEach(r -> r.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA)));
        }
    }

    /** As the form stores it: surrounding white space trimmed. */
    private static String stored(String typed) {
        return typed.strip();
    }

    private static String text(Cell cell) {
        return cell == null ? "" : cell.getStringCellValue();
    }

    private static byte[] attachmentOfTheCoordinatorsSummary(Path outbox) throws Exception {
        List<Path> emails;
        try (Stream<Path> files = Files.list(outbox)) {
            emails = files.filter(f -> f.toString().endsWith(".eml")).toList();
        }
        List<String> seen = new ArrayList<>();
        for (Path eml : emails) {
            try (InputStream in = Files.newInputStream(eml)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                seen.add(message.getSubject());
                if (message.getAllRecipients()[0].toString().startsWith("coordinator@")
                        && message.getSubject().startsWith("【周报】")) {
                    Multipart mixed = (Multipart) message.getContent();
                    for (int i = 0; i < mixed.getCount(); i++) {
                        BodyPart part = mixed.getBodyPart(i);
                        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                            return part.getInputStream().readAllBytes();
                        }
                    }
                }
            }
        }
        throw new AssertionError("no coordinators' summary with an attachment among " + seen);
    }

    private static HttpApiResponse call(ApiHandler handler, HttpApiEvent e) {
        APIGatewayV2HTTPEvent event = LambdaSerialization.read(e.toJson(), APIGatewayV2HTTPEvent.class);
        return HttpApiResponse.parse(LambdaSerialization.write(handler.handleRequest(event, new MockLambdaContext())));
    }

    /** The sign-in link's confirmation page, then its form's POST from our page: the session cookie. */
    private static String signIn(ApiHandler handler, String token) {
        String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
        assertThat(call(handler, HttpApiEvent.get("/login?token=" + encoded)).status()).isEqualTo(200);
        HttpApiResponse login = call(handler, ourPage(HttpApiEvent.post("/login")).form("token=" + encoded));
        assertThat(login.status()).as(login.text()).isEqualTo(303);
        return login.cookies().stream().filter(c -> !c.contains("Max-Age=0")).findFirst().orElseThrow().split(";", 2)[0];
    }

    private static HttpApiEvent ourPage(HttpApiEvent e) {
        return e.header("origin", "https://abc123def4.execute-api.cn-north-1.amazonaws.com.cn")
                .header("sec-fetch-site", "same-origin");
    }

    private static Path root() {
        return Path.of(System.getProperty("xilian.root", "../..")).toAbsolutePath().normalize();
    }
}
