package cn.lyg.xilian.jobs;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.access.Tokens;
import cn.lyg.xilian.core.admin.Administer;
import cn.lyg.xilian.core.admin.CoordinatorAccount;
import cn.lyg.xilian.core.admin.UnitDirectory;
import cn.lyg.xilian.core.admin.UnitProfile;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditTrail;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.report.SendWeeklySummary;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import io.micronaut.json.JsonMapper;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 through the job functions' handlers: contacts come from the table, read once per invocation, so an
 * address a coordinator added in 单位与账号管理 a minute ago gets the next run's email (same warm context, no
 * redeploy); the Monday summary lists the sign-in links that end within 14 days.
 */
@ExtendWith(DynaliteExtension.class)
class DirectoryInJobsTest {

    private static final Principal ZHANG = new Principal(Role.COORDINATOR, null, "0".repeat(64), "c-0123456789",
            new Principal.Origin("203.0.113.9", "Mozilla/5.0"));

    @Test
    void anAddressAddedByACoordinatorGetsTheNextScansEmailWithoutARestart(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "directory-scan", null, Map.of());
             AlertScanHandler handler = new AlertScanHandler(app.context)) {
            JsonMapper json = app.context.getBean(JsonMapper.class);
            // the scheduler's input (EventBridge Scheduler: the target's Input JSON)
            AlertScanResult first = handler.execute(json.readValue("{\"asOf\":\"2026-12-01\"}", JobRequest.class));
            List<Path> beforeEdit = app.emails();
            String unitId = unitEmailedIn(beforeEdit, app);
            assertThat(first.failed()).isEmpty();

            UnitDirectory units = app.context.getBean(UnitDirectory.class);
            UnitProfile before = units.unit(unitId).orElseThrow();
            Outcome<UnitProfile> edited = app.context.getBean(Administer.class).editUnit(ZHANG, unitId,
                    before.version(), new Administer.UnitInput(null, null, null, String.join("\n", before.aliases()),
                            unitId + "@example.cn\n New-Liaison@Example.cn ", "王五", null), "edit-contacts-0001");
            assertThat(edited).isInstanceOf(Outcome.Done.class);

            AlertScanResult next = handler.execute(json.readValue("{\"asOf\":\"2026-12-17\"}", JobRequest.class));

            assertThat(next.failed()).isEmpty();
            List<MimeMessage> toTheUnit = app.emails().stream().filter(p -> !beforeEdit.contains(p))
                    .map(JobsTestApp::parse).filter(m -> JobsTestApp.to(m).contains(unitId + "@example.cn")).toList();
            assertThat(toTheUnit).isNotEmpty().allSatisfy(m -> assertThat(JobsTestApp.to(m))
                    .containsExactly(unitId + "@example.cn", "new-liaison@example.cn"));
            List<AuditEntry> trail = app.context.getBean(AuditTrail.class).entries(new AuditTrail.Filter(
                    app.context.getBean(AuditTrail.class).currentMonth(), null, AuditAction.UNIT_EDITED, null));
            assertThat(trail).singleElement().satisfies(e -> {
                assertThat(e.target()).isEqualTo("unit:" + unitId);
                assertThat(e.actor().id()).isEqualTo("c-0123456789");
                assertThat(e.after()).contains("new-liaison@example.cn");
            });
        }
    }

    @Test
    void theMondaySummaryListsTheLinksEndingWithinFourteenDays(Dynalite dynalite) throws Exception {
        try (JobsTestApp app = JobsTestApp.start(dynalite, "directory-summary", null, Map.of());
             WeeklySummaryHandler handler = new WeeklySummaryHandler(app.context)) {
            Credentials credentials = app.context.getBean(Credentials.class);
            var plan = app.plan;
            var soon = plan.units().get(0);
            var later = plan.units().get(1);
            var soonLink = credentials.issue(Role.UNIT, soon.id(), Duration.ofDays(10)).credential();
            credentials.issue(Role.UNIT, later.id(), Duration.ofDays(10));
            credentials.issue(Role.UNIT, later.id(), Duration.ofDays(60)); // its newer link lasts: not listed
            CoordinatorAccount li = ((Outcome.Done<CoordinatorAccount>) app.context.getBean(Administer.class)
                    .addCoordinator(ZHANG, "李<四>", "li@fgw.example.cn", "add-coordinator-0001")).value();
            var liLink = credentials.issue(Role.COORDINATOR, null, li.id(), Duration.ofDays(5), Tokens.newToken())
                    .credential();

            WeeklySummaryResult result = handler.execute(app.context.getBean(JsonMapper.class)
                    .readValue("{\"asOf\":\"2026-11-30\"}", JobRequest.class));

            assertThat(result.sent()).contains(SendWeeklySummary.COORDINATORS_RECIPIENT);
            MimeMessage toCoordinators = app.emails().stream().map(JobsTestApp::parse)
                    .filter(m -> JobsTestApp.to(m).contains(JobsTestApp.COORDINATOR)).findFirst().orElseThrow();
            String text = JobsTestApp.text(toCoordinators);
            assertThat(section(text)).containsExactly(
                    "- 李<四>（统筹人员）：" + day(liLink.expiresAt()) + "到期",
                    "- " + soon.name() + "：" + day(soonLink.expiresAt()) + "到期");
            // the HTML part names them too, escaped
            assertThat(text).contains("<h2", "十一、即将到期的登录链接", "李&lt;四&gt;（统筹人员）");
            // units' digests do not carry it
            app.emails().stream().map(JobsTestApp::parse).filter(m -> m != toCoordinators)
                    .filter(m -> !JobsTestApp.to(m).contains(JobsTestApp.COORDINATOR))
                    .forEach(m -> assertThat(JobsTestApp.text(m)).doesNotContain("即将到期的登录链接"));
        }
    }

    /** The plain-text section's lines. */
    private static List<String> section(String text) {
        List<String> lines = text.lines().toList();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("十一、即将到期的登录链接（")) {
                at = i;
            }
        }
        assertThat(at).as("the text part has the section").isNotNegative();
        List<String> items = new ArrayList<>();
        for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("- "); i++) {
            items.add(lines.get(i));
        }
        return items;
    }

    private static String day(java.time.Instant at) {
        return LocalDate.ofInstant(at, PlanTime.ZONE).toString();
    }

    /** A unit of the plan the first run emailed (its configured address is {@code <id>@example.cn}). */
    private static String unitEmailedIn(List<Path> emails, JobsTestApp app) {
        return emails.stream().map(JobsTestApp::parse).flatMap(m -> JobsTestApp.to(m).stream())
                .filter(a -> !a.equals(JobsTestApp.COORDINATOR)).map(a -> a.substring(0, a.indexOf('@')))
                .filter(id -> app.plan.unit(id).isPresent()).findFirst().orElseThrow();
    }
}
