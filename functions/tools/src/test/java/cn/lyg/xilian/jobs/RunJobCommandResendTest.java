package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.report.ReportWeek;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.tools.RunJobCommand;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin re-send ({@link RunJobCommand} {@code weekly-summary --resend}), against the same dynalite
 * application as {@link WeeklySummaryHandlerTest} (the jobs module's test jar). It lives with the command in
 * functions/tools, which no Lambda jar contains; in the jobs' test package for {@code JobsTestApp}.
 */
@ExtendWith(DynaliteExtension.class)
class RunJobCommandResendTest {

    /** Monday 2026-11-30: the run covers 2026-W48 (11-23 … 11-29). */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final String W48 = "2026-W48";
    @Test
    void theAdminResendCommandSendsTheWeekAgainOnceWithNewMessageIds(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "weekly-resend", null, Map.of());
             WeeklySummaryHandler handler = new WeeklySummaryHandler(app.context)) {
            WeeklySummaryResult scheduled = handler.execute(JobRequest.asOf(MONDAY));
            Path commandOutbox = Files.createTempDirectory("outbox-resend-");
            Path contacts = contactsFile(app);

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int exit;
            try {
                exit = RunJobCommand.run(new String[]{"weekly-summary", "--resend", W48,
                        "--endpoint", dynalite.endpoint().toString(), "--table", app.table,
                        "--outbox", commandOutbox.toString(), "--contacts", contacts.toString()},
                        new PrintStream(printed, true, StandardCharsets.UTF_8));
            } finally {
                System.clearProperty("micronaut.config.files"); // set by --contacts; keep other contexts clean
            }
            WeeklySummaryResult scheduledAgain = handler.execute(JobRequest.asOf(MONDAY.plusDays(1)));

            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(output).isZero();
            assertThat(output).contains("weekly-summary " + W48).contains("reopened " + scheduled.sent().size());
            List<MimeMessage> resent = JobsTestApp.emails(commandOutbox).stream().map(JobsTestApp::parse).toList();
            assertThat(resent).hasSize(scheduled.sent().size());
            assertThat(resent.stream().map(JobsTestApp::messageId)).allSatisfy(id -> assertThat(id).contains("-g1@"));
            assertThat(scheduledAgain.sent()).isEmpty();
            assertThat(app.emails()).hasSize(scheduled.sent().size()); // the scheduled outbox got nothing new
            assertThat(app.digests().ofWeek(2026, ReportWeek.parse(W48)))
                    .allSatisfy(r -> assertThat(r.generation()).isEqualTo(1))
                    .allSatisfy(r -> assertThat(r.sent()).isTrue());

            // The plan year is --year's (the week's without it, as above): one not loaded, or not four digits, or
            // --year without --resend sends nothing.
            ByteArrayOutputStream refused = new ByteArrayOutputStream();
            PrintStream refusedOut = new PrintStream(refused, true, StandardCharsets.UTF_8);
            String[] base = {"weekly-summary", "--resend", W48, "--endpoint", dynalite.endpoint().toString(),
                    "--table", app.table, "--outbox", commandOutbox.toString()};
            assertThat(RunJobCommand.run(with(base, "--year", "2027"), refusedOut)).isEqualTo(2);
            assertThat(RunJobCommand.run(with(base, "--year", "26"), refusedOut)).isEqualTo(2);
            assertThat(RunJobCommand.run(new String[]{"weekly-summary", "--year", "2026"}, refusedOut)).isEqualTo(2);
            assertThat(refused.toString(StandardCharsets.UTF_8)).contains("plan year 2027 is not loaded; nothing sent");
            assertThat(JobsTestApp.emails(commandOutbox)).hasSize(scheduled.sent().size());
            assertThat(app.digests().ofWeek(2026, ReportWeek.parse(W48)))
                    .allSatisfy(r -> assertThat(r.generation()).isEqualTo(1));
        }
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static Path contactsFile(JobsTestApp app) throws Exception {
        StringBuilder yml = new StringBuilder("xilian.contacts:\n  coordinators: [" + JobsTestApp.COORDINATOR + "]\n  units:\n");
        app.plan.units().forEach(u -> yml.append("    ").append(u.id()).append(": [").append(u.id()).append("@example.cn]\n"));
        Path file = Files.createTempFile("contacts-", ".yml");
        Files.writeString(file, yml);
        return file;
    }
}
