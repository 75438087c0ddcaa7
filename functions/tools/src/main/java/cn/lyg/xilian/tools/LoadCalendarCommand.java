package cn.lyg.xilian.tools;

import cn.lyg.xilian.core.calendar.CalendarCsv;
import cn.lyg.xilian.core.calendar.CalendarDay;
import cn.lyg.xilian.core.calendar.CalendarProblem;
import cn.lyg.xilian.core.calendar.CalendarReading;
import cn.lyg.xilian.core.calendar.CalendarRepository;
import cn.lyg.xilian.core.calendar.HolidayNotice;
import cn.lyg.xilian.core.calendar.YearCalendar;
import cn.lyg.xilian.dynamodb.DynamoDbSettings;
import cn.lyg.xilian.dynamodb.TableCreator;
import io.micronaut.context.ApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads a year's holiday calendar into the table: the State Council's notice as text (《国务院办公厅关于YYYY年部分节假日
 * 安排的通知》, copied from the web page or the PDF) or a calendar file ({@code date,kind,name}, a name ending in .csv).
 * The functions use it from their next invocation: no rebuild, no redeploy. Idempotent: the same days again write
 * nothing; a corrected notice replaces the year. The table comes from configuration like load-plan's
 * (XILIAN_DYNAMODB_TABLE, XILIAN_DYNAMODB_REGION, XILIAN_DYNAMODB_ENDPOINT for dynalite or LocalStack).
 * <pre>
 *   load-calendar &lt;notice.txt | calendar.csv&gt; [--dry-run] [--create-table]
 * </pre>
 * Every fragment that cannot be read is printed with its line, and then nothing is written. {@code --dry-run} reads
 * and prints the calendar as CSV without touching the table; {@code --create-table} is for local stand-ins only.
 *
 * <p>Exit status: 0 loaded (or read, with --dry-run); 1 problems in the file, or no table; 2 wrong arguments.
 */
public final class LoadCalendarCommand {

    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = "usage: load-calendar <notice.txt | calendar.csv> [--dry-run] [--create-table]";

    private LoadCalendarCommand() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.contains("--dry-run")) { // no table, no AWS configuration needed
            System.exit(run(null, arguments, System.out, System.err));
        }
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .eagerInitSingletons(false).start()) {
            System.exit(run(context, arguments, System.out, System.err));
        }
    }

    /** @param context the table's context; unused (may be null) with --dry-run */
    public static int run(ApplicationContext context, List<String> args, PrintStream out, PrintStream err) {
        List<String> files = args.stream().filter(a -> !a.startsWith("--")).toList();
        List<String> options = args.stream().filter(a -> a.startsWith("--")).toList();
        if (files.size() != 1 || !List.of("--dry-run", "--create-table").containsAll(options)) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Path file = Path.of(files.getFirst());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e);
            return PROBLEMS;
        }
        String name = file.getFileName().toString();
        CalendarReading reading = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                ? CalendarCsv.read(text, name) : HolidayNotice.parse(text, name);
        for (CalendarProblem problem : reading.problems()) {
            err.println(file + ": " + problem);
        }
        if (!reading.isClean()) {
            err.println(file + ": " + reading.problems().size() + " problem(s); nothing written");
            return PROBLEMS;
        }
        YearCalendar calendar = reading.calendar().orElseThrow();
        out.println(summary(calendar));
        if (options.contains("--dry-run")) {
            out.print(CalendarCsv.write(calendar));
            return OK;
        }
        String table = context.getBean(DynamoDbSettings.class).tableName();
        TableCreator tables = new TableCreator(context.getBean(DynamoDbClient.class));
        if (options.contains("--create-table")) {
            tables.createIfAbsent(table);
        } else if (!tables.exists(table)) {
            err.println("table " + table + " does not exist (set XILIAN_DYNAMODB_TABLE to the stack's TableName output)");
            return PROBLEMS;
        }
        CalendarRepository.SaveOutcome outcome = context.getBean(CalendarRepository.class)
                .save(calendar, context.findBean(Clock.class).orElse(Clock.systemUTC()).instant());
        out.println("calendar " + calendar.year() + " into " + table + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT));
        return OK;
    }

    /** "2027 (国务院办公厅关于…): 30 holidays, make-up working days 2027-01-31, 2027-02-20" */
    private static String summary(YearCalendar calendar) {
        List<String> workdays = new ArrayList<>();
        for (CalendarDay day : calendar.workdays()) {
            workdays.add(day.date().toString());
        }
        return calendar.year() + " (" + calendar.source() + "): " + calendar.holidays().size() + " holidays, "
                + (workdays.isEmpty() ? "no make-up working days" : "make-up working days "
                + workdays.stream().collect(Collectors.joining(", ")));
    }
}
