package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.TwoUnitPlan;
import cn.lyg.xilian.core.progress.InMemoryProgressRepository;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.testdata.SubmissionBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 (操作留痕): every review, extension decision and instruction is on the audit trail once — by the named
 * coordinator, from where the request came — and a retry (also one that heals a record a crash left out) records
 * nothing new.
 */
class SupervisionOnRecordTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00.123Z");
    private static final Plan PLAN = TwoUnitPlan.PLAN;
    private static final Principal ZHANG = new Principal(Role.COORDINATOR, null, "c", "c-0123456789", null)
            .from(new Principal.Origin("203.0.113.9", "Mozilla/5.0"));
    private static final Principal GANYU = new Principal(Role.UNIT, "ganyu", "g");

    private final InMemorySupervisionRepository store = new InMemorySupervisionRepository();
    private final InMemoryProgressRepository progress = new InMemoryProgressRepository();
    private final Map<String, AuditEntry> trail = new LinkedHashMap<>();
    private boolean trailDown;
    private final AuditLog audit = new AuditLog() {
        @Override
        public boolean record(AuditEntry entry) {
            if (trailDown) {
                throw new IllegalStateException("the table refused the write");
            }
            return trail.putIfAbsent(entry.id(), entry) == null;
        }

        @Override
        public List<AuditEntry> month(YearMonth month) {
            return List.copyOf(trail.values());
        }
    };

    private Supervise at(Instant now) {
        return new Supervise(store, store, store, store, progress, Clock.fixed(now, ZoneOffset.UTC),
                ReviewListener.NONE, UnitInbox.NONE, audit);
    }

    @Test
    void aReviewIsOnRecordOnceWithWhoAndWhereAndAReplayAddsNothing() {
        progress.record(SubmissionBuilder.submission("1.1", "ganyu").key("report-1").progress("已选派2名干部")
                .at(NOW.minusSeconds(86_400)).build());
        assertThat(at(NOW).review(PLAN, ZHANG, "1.1", "ganyu", "report-1", "RETURNED", "数据与佐证不符",
                "review-key-1")).isInstanceOf(Outcome.Done.class);
        assertThat(at(NOW.plusSeconds(60)).review(PLAN, ZHANG, "1.1", "ganyu", "report-1", "退回", "数据与佐证不符",
                "review-key-2")).isInstanceOf(Outcome.Done.class);

        assertThat(trail.values()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.REPORT_REVIEWED);
            assertThat(e.actor()).isEqualTo(new Actor(Actor.Kind.COORDINATOR, "c-0123456789"));
            assertThat(e.target()).isEqualTo("task:1.1/unit:ganyu");
            assertThat(e.before()).isEqualTo("待审核");
            assertThat(e.after()).isEqualTo("退回：数据与佐证不符");
            assertThat(e.ip()).isEqualTo("203.0.113.9");
            assertThat(e.userAgent()).isEqualTo("Mozilla/5.0");
            assertThat(e.at()).isEqualTo(NOW);
        });
    }

    @Test
    void aDecisionLeftOffTheRecordByACrashIsRecordedByTheRetry() {
        at(NOW).requestExtension(PLAN, GANYU, "1.1", "2027-01-15", "需省里审批", "extension-1");
        trailDown = true;
        try {
            at(NOW).decideExtension(PLAN, ZHANG, "1.1", "ganyu", "extension-1", true, "2027-01-10", "同意");
        } catch (IllegalStateException expected) {
            // the decision is stored; its record is not
        }
        trailDown = false;
        assertThat(trail).isEmpty();

        assertThat(at(NOW.plusSeconds(60)).decideExtension(PLAN, ZHANG, "1.1", "ganyu", "extension-1", true,
                "2027-01-10", "同意")).isInstanceOfSatisfying(Outcome.Done.class, d -> assertThat(d.replayed()).isTrue());
        at(NOW.plusSeconds(120)).decideExtension(PLAN, ZHANG, "1.1", "ganyu", "extension-1", true, "2027-01-10", "同意");

        assertThat(trail.values()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.EXTENSION_DECIDED);
            assertThat(e.before()).isEqualTo("待审批：申请将完成时间由12月31日延至1月15日");
            assertThat(e.after()).isEqualTo("批准：完成时间延至1月10日；意见：同意");
            assertThat(e.at()).as("the decision's time, not the retry's").isEqualTo(NOW);
        });
    }

    @Test
    void anInstructionIsOnRecordForItsAddressees() {
        assertThat(at(NOW).instruct(PLAN, ZHANG, "1.1", null, "请于本周内补报", "instruction-1"))
                .isInstanceOf(Outcome.Done.class);
        at(NOW).instruct(PLAN, ZHANG, "1.2", "donghai", "请说明进度滞后原因", "instruction-2");
        at(NOW.plusSeconds(5)).instruct(PLAN, ZHANG, "1.2", "donghai", "请说明进度滞后原因", "instruction-2");

        assertThat(trail.values()).extracting(AuditEntry::target, AuditEntry::after).containsExactly(
                org.assertj.core.groups.Tuple.tuple("task:1.1", "致全部责任单位：请于本周内补报"),
                org.assertj.core.groups.Tuple.tuple("task:1.2/unit:donghai", "请说明进度滞后原因"));
        assertThat(trail.values()).allSatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.INSTRUCTION_ISSUED));
    }

    @Test
    void whatIsRefusedIsNotOnRecord() {
        assertThat(at(NOW).instruct(PLAN, GANYU, "1.1", null, "越权", "instruction-3")).isInstanceOf(Outcome.Forbidden.class);
        assertThat(at(NOW).instruct(PLAN, ZHANG, "1.1", null, "", "instruction-4")).isInstanceOf(Outcome.Invalid.class);
        assertThat(trail).isEmpty();
    }
}
