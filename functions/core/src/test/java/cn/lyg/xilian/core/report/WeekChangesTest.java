package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.progress.PairKey;
import cn.lyg.xilian.core.report.Lines.StatusChange;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.lyg.xilian.core.progress.ProgressStatus.BLOCKED;
import static cn.lyg.xilian.core.progress.ProgressStatus.DONE;
import static cn.lyg.xilian.core.progress.ProgressStatus.IN_PROGRESS;
import static cn.lyg.xilian.core.progress.ProgressStatus.NOT_STARTED;
import static cn.lyg.xilian.core.report.WeekFixture.EDU;
import static cn.lyg.xilian.core.report.WeekFixture.GANYU;
import static cn.lyg.xilian.core.report.WeekFixture.GUANYUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What changed during the week ({@link WeekChanges}); worked out by hand from {@link WeekFixture}. */
class WeekChangesTest {

    private final Week week = WeekFixture.week(WeekFixture.baseline());

    @Test
    void whatChangedThisWeek() {
        assertThat(WeekChanges.submissionLines(week, s -> true))
                .extracting(l -> l.taskId() + "/" + l.unitId() + "@" + l.submittedOn())
                .as("the 11-15 submission belongs to the week before")
                .containsExactly("3.1.1/ganyu@2026-11-16", "1.1/ganyu@2026-11-17", "3.1.2/guanyun@2026-11-18",
                        "3.3.1/city-edu@2026-11-19", "3.1.1/ganyu@2026-11-20");
        assertThat(WeekChanges.statusChanges(week)).extracting(StatusChange::taskId, StatusChange::unitId,
                        StatusChange::from, StatusChange::to)
                .containsExactly(tuple("3.1.1", GANYU, NOT_STARTED, BLOCKED),
                        tuple("3.1.2", GUANYUN, IN_PROGRESS, DONE),
                        tuple("3.3.1", EDU, null, IN_PROGRESS));
        assertThat(WeekChanges.statusChanges(week).get(2).fromLabel()).isEqualTo("未填报");
        assertThat(WeekChanges.completions(week)).extracting(c -> c.taskId() + "/" + c.unitId() + "@" + c.on())
                .containsExactly("3.1.2/guanyun@2026-11-18");
    }

    @Test
    void withoutBaselineOnlyMovesInsideTheWeekCount() {
        Week noBaseline = WeekFixture.week(null);
        assertThat(WeekChanges.statusChanges(noBaseline)).extracting(StatusChange::taskId, StatusChange::from, StatusChange::to)
                .containsExactly(tuple("3.1.1", IN_PROGRESS, BLOCKED));
        assertThat(WeekChanges.completions(noBaseline)).extracting(Lines.Completion::taskId).containsExactly("3.1.2");
    }

    @Test
    void aCompletionAlreadyKnownIsNotNewsAgain() {
        StatusSnapshot doneBefore = new StatusSnapshot(Map.of(PairKey.of("3.1.2", GUANYUN), DONE));
        assertThat(WeekChanges.completions(WeekFixture.week(doneBefore))).isEmpty();
    }

    @Test
    void endOfWeekSnapshotIsNextWeeksBaseline() {
        assertThat(WeekChanges.endOfWeekStatuses(week).statusByPair()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "1.1#ganyu", IN_PROGRESS, "1.1#donghai", IN_PROGRESS, "3.1.1#ganyu", BLOCKED,
                "3.1.2#guanyun", DONE, "3.3.1#city-edu", IN_PROGRESS, "3.3.2#guanyun", DONE));
    }

}
