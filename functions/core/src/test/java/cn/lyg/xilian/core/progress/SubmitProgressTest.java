package cn.lyg.xilian.core.progress;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.TwoUnitPlan;
import cn.lyg.xilian.core.testdata.ProgressInputBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The submission rules, against the progress port in memory: what is stored, replayed or refused. */
class SubmitProgressTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00.123456Z");
    private static final Plan PLAN = TwoUnitPlan.PLAN;
    private static final Principal GANYU = new Principal(Role.UNIT, "ganyu", "h1");
    private static final Principal COORDINATOR = new Principal(Role.COORDINATOR, null, "h2");

    private final InMemoryProgressRepository repository = new InMemoryProgressRepository();
    private final List<Submission> announced = new ArrayList<>();
    private final SubmitProgress submit = new SubmitProgress(repository, Clock.fixed(NOW, ZoneOffset.UTC), announced::add);

    private static ProgressInput input(String key, String percent, Map<String, String> figures) {
        return ProgressInputBuilder.input().key(key).percent(percent).figures(figures).progress("  已签约3个项目  ")
                .field("problems", "").reporter("张三").phone("0518-1234567").build();
    }

    /** Written as people write a percentage: the sign (ASCII or full-width) is dropped, the number kept. */
    @Test
    void aPercentWithItsSignIsTheNumber() {
        for (String written : List.of("60%", " 60 ％ ", "60％")) {
            SubmitOutcome outcome = submit.submit(PLAN, GANYU, "1.1",
                    input("report-" + Math.abs(written.hashCode()), written, Map.of()));
            assertThat(outcome).as(written).isInstanceOf(SubmitOutcome.Stored.class);
            assertThat(((SubmitOutcome.Stored) outcome).submission().percent()).as(written).isEqualTo(60);
        }
        for (String notAPercent : List.of("%", "60%%", "%60", "6 0%")) {
            SubmitOutcome outcome = submit.submit(PLAN, GANYU, "1.1", input("report-0099", notAPercent, Map.of()));
            assertThat(outcome).as(notAPercent).isInstanceOf(SubmitOutcome.Invalid.class);
        }
    }

    @Test
    void aValidReportIsStoredOnceAndAnnounced() {
        SubmitOutcome outcome = submit.submit(PLAN, GANYU, "1.1", input("report-0001", "40", Map.of("t1", "3.0")));

        Submission stored = ((SubmitOutcome.Stored) outcome).submission();
        assertThat(stored.status()).isEqualTo(ProgressStatus.IN_PROGRESS);
        assertThat(stored.percent()).isEqualTo(40);
        assertThat(stored.figures()).containsExactly(Map.entry("t1", new BigDecimal("3")));
        assertThat(stored.progress()).as("trimmed").isEqualTo("已签约3个项目");
        assertThat(stored.problems()).as("blank is absent").isNull();
        assertThat(stored.submittedAt()).as("the store's precision").isEqualTo(Instant.parse("2026-06-01T02:00:00.123Z"));
        assertThat(announced).containsExactly(stored);
        assertThat(repository.historyOfTask(2026, "1.1")).containsExactly(stored);
    }

    @Test
    void theSameReportAgainUnderItsKeyIsAReplayOfTheOriginal() {
        Submission original = ((SubmitOutcome.Stored) submit.submit(PLAN, GANYU, "1.1",
                input("report-0001", "40", Map.of("t1", "3")))).submission();
        SubmitProgress later = new SubmitProgress(repository, Clock.fixed(NOW.plusSeconds(300), ZoneOffset.UTC), announced::add);

        // A retry minutes later, the figure written differently: the same report.
        SubmitOutcome retry = later.submit(PLAN, GANYU, "1.1", input("report-0001", " 40 ", Map.of("t1", "3.00")));

        assertThat(retry).isEqualTo(new SubmitOutcome.Replayed(original));
        assertThat(announced).as("announced once").containsExactly(original);
        assertThat(repository.writes).isEqualTo(1);
    }

    @Test
    void anotherReportUnderAUsedKeyIsRefusedWithTheOriginal() {
        Submission original = ((SubmitOutcome.Stored) submit.submit(PLAN, GANYU, "1.1",
                input("report-0001", "40", Map.of()))).submission();

        SubmitOutcome reused = submit.submit(PLAN, GANYU, "1.1", input("report-0001", "41", Map.of()));

        assertThat(reused).isEqualTo(new SubmitOutcome.KeyReused(original));
        assertThat(repository.historyOfTask(2026, "1.1")).containsExactly(original);
        assertThat(repository.allStates(2026)).singleElement().extracting(TaskUnitState::latest).isEqualTo(original);
    }

    @Test
    void theTaskAndTheReporterAreCheckedBeforeAnythingElse() {
        ProgressInput bad = ProgressInputBuilder.input().status(null).percent("abc").progress(null).key("short").build();

        assertThat(submit.submit(PLAN, GANYU, "9.9", bad)).isEqualTo(new SubmitOutcome.UnknownTask("9.9"));
        assertThat(submit.submit(PLAN, GANYU, "1.2", bad)).as("not ganyu's task")
                .isEqualTo(new SubmitOutcome.NotResponsible("1.2"));
        assertThat(submit.submit(PLAN, COORDINATOR, "1.1", bad)).as("coordinators review, units report")
                .isEqualTo(new SubmitOutcome.NotResponsible("1.1"));
        assertThat(submit.submit(PLAN, GANYU, "1.1", bad)).as("then the key")
                .isEqualTo(new SubmitOutcome.KeyInvalid(IdempotencyKey.INVALID));
        assertThat(repository.writes).isZero();
    }

    @Test
    void aMissingOrMalformedKeyIsRefused() {
        for (String key : new String[]{null, "", "short", "a".repeat(65), "key with space", "key-1,key-2"}) {
            assertThat(submit.submit(PLAN, GANYU, "1.1", input(key, "40", Map.of()))).as(key)
                    .isInstanceOf(SubmitOutcome.KeyInvalid.class);
        }
        assertThat(submit.submit(PLAN, GANYU, "1.1", input("a".repeat(64), "40", Map.of())))
                .isInstanceOf(SubmitOutcome.Stored.class);
    }

    @Test
    void everyInvalidValueIsReportedAtOnceAndNothingIsStored() {
        ProgressInput in = ProgressInputBuilder.input().status("完成了").percent("101").figure("t1", "-1").figure("t2", "5")
                .progress(" ").reporter("张".repeat(SubmitProgress.MAX_REPORTER + 1)).phone("abc").key("report-0002").build();

        SubmitOutcome outcome = submit.submit(PLAN, GANYU, "1.1", in);

        assertThat(((SubmitOutcome.Invalid) outcome).errors()).extracting(FieldError::code).containsExactlyInAnyOrder(
                "STATUS_INVALID", "PERCENT_OUT_OF_RANGE", "FIGURE_NEGATIVE", "UNKNOWN_FIGURE", "PROGRESS_REQUIRED",
                "TEXT_TOO_LONG", "PHONE_INVALID");
        assertThat(repository.writes).isZero();
        assertThat(announced).isEmpty();
    }

    /** Issue 19: the status is a documented value exactly (name or label), not any spelling of one. */
    @Test
    void aStatusIsItsExactNameOrLabel() {
        for (String wrong : List.of("in_progress", "In_Progress", " IN_PROGRESS", "推进中 ", "IN PROGRESS")) {
            ProgressInput in = ProgressInputBuilder.input().status(wrong).key("report-0005").build();
            assertThat(submit.submit(PLAN, GANYU, "1.1", in)).as(wrong).isEqualTo(new SubmitOutcome.Invalid(List.of(
                    new FieldError("status", "STATUS_INVALID", "状态须为未启动、推进中、已完成、滞后或受阻之一"))));
        }
        assertThat(repository.writes).isZero();
        for (String right : List.of("IN_PROGRESS", "推进中")) {
            ProgressInput in = ProgressInputBuilder.input().status(right).key("report-0006-" + right.length()).build();
            assertThat(submit.submit(PLAN, GANYU, "1.1", in)).as(right).isInstanceOf(SubmitOutcome.Stored.class);
        }
    }

    @Test
    void doneMeansOneHundredPercent() {
        ProgressInput in = ProgressInputBuilder.input().status("已完成").percent("90").progress("完成").key("report-0003").build();

        assertThat(submit.submit(PLAN, GANYU, "1.1", in)).isEqualTo(new SubmitOutcome.Invalid(List.of(
                new FieldError("percent", "PERCENT_DONE_MISMATCH", "状态为“已完成”时，完成百分比应为100"))));
    }

    @Test
    void whatTheTransportCouldNotReadIsRefusedAloneAfterTheAccessChecks() {
        FieldError notAValue = new FieldError("status", "FIELD_NOT_A_VALUE", "字段 status 须为文本或数字");
        ProgressInput in = ProgressInputBuilder.input().status(null).key("report-0004").readError(notAValue).build();

        assertThat(submit.submit(PLAN, GANYU, "1.2", in)).isInstanceOf(SubmitOutcome.NotResponsible.class);
        assertThat(submit.submit(PLAN, GANYU, "1.1", in)).isEqualTo(new SubmitOutcome.Invalid(List.of(notAValue)));
        assertThat(repository.writes).isZero();
    }

    @Test
    void aLateReportIsKeptInTheHistoryWithoutReplacingTheLatest() {
        Submission newer = ((SubmitOutcome.Stored) submit.submit(PLAN, GANYU, "1.1",
                input("report-new1", "50", Map.of()))).submission();
        SubmitProgress earlier = new SubmitProgress(repository, Clock.fixed(NOW.minusSeconds(3600), ZoneOffset.UTC));

        Submission older = ((SubmitOutcome.Stored) earlier.submit(PLAN, GANYU, "1.1",
                input("report-old1", "30", Map.of()))).submission();

        assertThat(repository.historyOfTask(2026, "1.1")).containsExactly(newer, older);
        assertThat(repository.allStates(2026)).singleElement().extracting(TaskUnitState::latest).isEqualTo(newer);
    }
}
