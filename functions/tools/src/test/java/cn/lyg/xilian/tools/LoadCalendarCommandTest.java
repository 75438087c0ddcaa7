package cn.lyg.xilian.tools;

import cn.lyg.xilian.core.calendar.CalendarRepository;
import cn.lyg.xilian.core.calendar.DayKind;
import cn.lyg.xilian.core.calendar.YearCalendar;
import cn.lyg.xilian.dynamodb.Keys;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** infra/bin/load-calendar against a dynalite table: what it prints, returns and stores. */
@ExtendWith(DynaliteExtension.class)
class LoadCalendarCommandTest {

    private static final Path ROOT = Path.of(System.getProperty("xilian.root", "../.."));
    private static final Path NOTICE_2027 = ROOT.resolve("functions/core/src/test/resources/calendars/2027-notice-fictional.txt");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ApplicationContext context;
    private String table;

    @TempDir
    Path dir;

    @BeforeEach
    void start(Dynalite dynalite) {
        table = Dynalite.uniqueTableName("calendar-cmd");
        context = ApplicationContext.run(Map.of("xilian.dynamodb.endpoint", dynalite.endpoint().toString(),
                "xilian.dynamodb.table", table, "xilian.dynamodb.region", "us-east-1"));
        new TableCreator(context.getBean(DynamoDbClient.class)).createIfAbsent(table);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void loadsANoticeOnceAndAgainWritesNothing() {
        int first = run(NOTICE_2027.toString());
        String firstOut = out.toString(StandardCharsets.UTF_8);
        out.reset();
        int second = run(NOTICE_2027.toString());

        assertThat(first).isEqualTo(LoadCalendarCommand.OK);
        assertThat(firstOut).contains("2027 (国务院办公厅关于2027年部分节假日安排的通知): 30 holidays",
                "make-up working days 2027-01-31, 2027-02-20, 2027-05-08, 2027-09-26, 2027-10-09",
                "calendar 2027 into " + table + ": created");
        assertThat(second).isEqualTo(LoadCalendarCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(": unchanged");
        YearCalendar stored = context.getBean(CalendarRepository.class).find(2027).orElseThrow();
        assertThat(stored.kindOf(LocalDate.of(2027, 2, 20))).isEqualTo(DayKind.WORKDAY);
        assertThat(stored.kindOf(LocalDate.of(2027, 10, 7))).isEqualTo(DayKind.HOLIDAY);
        Map<String, AttributeValue> item = context.getBean(DynamoDbClient.class).getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(Keys.calendarPk(2027)), "sk", AttributeValue.fromS(Keys.CALENDAR))))
                .item();
        assertThat(item.get("days").l()).hasSize(35);
    }

    @Test
    void aNoticeWithProblemsIsReportedLineByLineAndNothingIsWritten() throws IOException {
        Path broken = dir.resolve("2027.txt");
        Files.writeString(broken, Files.readString(NOTICE_2027).replace("5月8日（周六）上班", "5月8日（周五）上班")
                .replace("共7天", "共8天"));

        int status = run(broken.toString());

        assertThat(status).isEqualTo(LoadCalendarCommand.PROBLEMS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                broken + ": line 15: 5月8日是周六，不是周五",
                broken + ": line 21:", "“共8天”与日期不符",
                "2 problem(s); nothing written");
        assertThat(context.getBean(CalendarRepository.class).find(2027)).isEmpty();
    }

    @Test
    void aCalendarFileLoadsTooAndADryRunWritesNothing() throws IOException {
        Path csv = dir.resolve("cn-2027.csv");
        Files.writeString(csv, "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-20,workday,春节调休上班\n");

        assertThat(run(csv.toString(), "--dry-run")).isEqualTo(LoadCalendarCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2027-02-20,workday,春节调休上班");
        assertThat(context.getBean(CalendarRepository.class).find(2027)).isEmpty();

        assertThat(run(csv.toString())).isEqualTo(LoadCalendarCommand.OK);
        assertThat(context.getBean(CalendarRepository.class).find(2027).orElseThrow().days()).hasSize(2);
    }

    @Test
    void wrongArgumentsAreAUsageError() {
        assertThat(run()).isEqualTo(LoadCalendarCommand.USAGE);
        assertThat(run("a.txt", "--bogus")).isEqualTo(LoadCalendarCommand.USAGE);
        assertThat(run(dir.resolve("missing.txt").toString())).isEqualTo(LoadCalendarCommand.PROBLEMS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    private int run(String... args) {
        return LoadCalendarCommand.run(context, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
