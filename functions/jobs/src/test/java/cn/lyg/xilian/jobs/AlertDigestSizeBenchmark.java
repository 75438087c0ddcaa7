package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.alert.AlertDigest;
import cn.lyg.xilian.core.alert.AlertLine;
import cn.lyg.xilian.core.alert.Audience;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Rule;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.mail.OutgoingEmail;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.email.EmailSettings;
import cn.lyg.xilian.email.MimeAlertMailRenderer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Size of the coordinators' alert email for the 2026 plan with every (task, unit) pair alerting, as of
 * 2026-12-21: each pair overdue (deadline passed) or approaching, and also unreported; every third pair also
 * behind pace and every tenth reported 受阻 — more than a real day brings, so an upper bound. Prints the
 * sizes of the whole message and of its parts. Not a test: see functions/jobs/README.md for the command.
 * {@code --out DIR} also writes the .eml and the HTML part there (to look at them).
 */
public final class AlertDigestSizeBenchmark {

    static final LocalDate AS_OF = LocalDate.of(2026, 12, 21);

    public static void main(String[] args) throws Exception {
        Plan plan = JobsTestApp.plan2026();
        AlertDigest digest = everyPairAlerting(plan, AS_OF);
        MimeAlertMailRenderer renderer = new MimeAlertMailRenderer(new EmailSettings("noreply@example.cn",
                "锡连帮扶合作进度通", "https://xilian.example.cn", "xilian.example.cn"),
                Clock.fixed(Instant.parse("2026-12-21T00:30:00Z"), ZoneOffset.UTC));
        OutgoingEmail email = renderer.render(digest);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(email.mime()));
        Multipart mixed = (Multipart) message.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        BodyPart attachment = mixed.getBodyPart(1);
        byte[] xlsx = attachment.getInputStream().readAllBytes();

        System.out.printf("coordinators' alert email, 2026 plan, every pair alerting, as of %s%n", AS_OF);
        System.out.printf("  alert items (task, unit, rule)  %6d%n", digest.lines().size());
        System.out.printf("  tasks / (task, unit) pairs      %6d / %d%n", digest.taskCount(), digest.pairCount());
        System.out.printf("  units in the count table        %6d%n", digest.byUnit().size());
        System.out.printf("  task rows inline                %6d%n", html.split("查看</a>", -1).length - 1);
        System.out.printf("  subject                         %s%n", message.getSubject());
        System.out.printf("  whole message (MIME bytes)      %6.1f KB%n", email.mime().length / 1024.0);
        System.out.printf("  HTML part (UTF-8)               %6.1f KB%n", html.getBytes(StandardCharsets.UTF_8).length / 1024.0);
        System.out.printf("  text part (UTF-8)               %6.1f KB, %d lines%n",
                text.getBytes(StandardCharsets.UTF_8).length / 1024.0, text.lines().count());
        System.out.printf("  .xlsx attachment                %6.1f KB (%s)%n", xlsx.length / 1024.0, attachment.getFileName());
        for (int i = 0; i + 1 < args.length; i++) {
            if ("--out".equals(args[i])) {
                Path dir = Files.createDirectories(Path.of(args[i + 1]));
                Files.write(dir.resolve("coordinators-alert.eml"), email.mime());
                Files.writeString(dir.resolve("coordinators-alert.html"), html);
                Files.write(dir.resolve(attachment.getFileName()), xlsx);
                System.out.println("  written to " + dir.toAbsolutePath());
            }
        }
    }

    static AlertDigest everyPairAlerting(Plan plan, LocalDate asOf) {
        List<AlertLine> lines = new ArrayList<>();
        int pair = 0;
        for (PlanTask task : plan.tasks()) {
            long daysLeft = ChronoUnit.DAYS.between(asOf, task.deadline());
            for (String unitId : task.unitIds()) {
                String unitName = plan.unit(unitId).map(Unit::name).orElse(unitId);
                String key = plan.year() + "|" + task.id() + "|" + unitId + "|";
                boolean reported = pair % 2 == 0;
                ProgressStatus status = reported ? ProgressStatus.IN_PROGRESS : null;
                Integer percent = reported ? 40 : null;
                if (daysLeft < 0) {
                    lines.add(line(key + "OVERDUE|overdue-1", task, unitId, unitName, daysLeft, status, percent,
                            Light.RED, Rule.OVERDUE, "已逾期" + (-daysLeft) + "天，" + (reported ? "进度40%" : "尚未填报")));
                } else {
                    lines.add(line(key + "APPROACHING|lead-14", task, unitId, unitName, daysLeft, status, percent,
                            Light.YELLOW, Rule.APPROACHING, "距截止还有" + daysLeft + "天，" + (reported ? "进度40%" : "尚未填报")));
                }
                lines.add(line(key + "UNREPORTED|unreported-1", task, unitId, unitName, daysLeft, status, percent,
                        Light.YELLOW, Rule.UNREPORTED, "已连续14天未填报"));
                if (pair % 3 == 0) {
                    lines.add(line(key + "BEHIND|behind-2026-12-21", task, unitId, unitName, daysLeft, status, percent,
                            Light.RED, Rule.BEHIND, "按期应达97%，实际40%"));
                }
                if (pair % 10 == 0) {
                    lines.add(line(key + "REPORTED_BLOCKED|submission-x", task, unitId, unitName, daysLeft,
                            ProgressStatus.BLOCKED, 40, Light.RED, Rule.REPORTED_BLOCKED, "单位上报受阻：用地指标尚未落实"));
                }
                pair++;
            }
        }
        return AlertDigest.of(Audience.COORDINATORS, "市发改委", List.of("fgw@example.cn"), asOf, lines);
    }

    private static AlertLine line(String key, PlanTask task, String unitId, String unitName, long daysLeft,
                                  ProgressStatus status, Integer percent, Light light, Rule rule, String reason) {
        return new AlertLine(key, task.id(), task.title(), unitId, unitName, task.deadline(), daysLeft, status, percent,
                light, rule, reason);
    }
}
