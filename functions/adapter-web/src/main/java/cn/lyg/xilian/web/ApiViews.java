package cn.lyg.xilian.web;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.view.TaskList;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON shapes of /api/v1. Separate from the domain records so the API can stay stable when they change. */
public final class ApiViews {

    private ApiViews() {
    }

    @Serdeable
    public record UnitView(String id, String name, String kind, String kindLabel) {
        static UnitView of(Unit u) {
            return new UnitView(u.id(), u.name(), u.kind().name(), u.kind().label());
        }
    }

    @Serdeable
    public record SubmissionView(String taskId, String unitId, String idempotencyKey, String status,
                                 String statusLabel, int percent, Map<String, BigDecimal> figures, String progress,
                                 @Nullable String problems, @Nullable String nextSteps, @Nullable String reporter,
                                 @Nullable String phone, Instant submittedAt) {
        static SubmissionView of(Submission s) {
            return new SubmissionView(s.taskId(), s.unitId(), s.idempotencyKey(), s.status().name(),
                    s.status().label(), s.percent(), s.figures(), s.progress(), s.problems(), s.nextSteps(),
                    s.reporter(), s.phone(), s.submittedAt());
        }
    }

    /**
     * @param deadline     the unit's effective deadline: an approved extension, else the plan's
     * @param deadlineText the same in Chinese, with the plan's date beside an extension ("原定12月31日，经批准延期至…")
     */
    @Serdeable
    public record UnitState(String unitId, String unitName, @Nullable SubmissionView latest, LocalDate deadline,
                            String deadlineText) {
    }

    @Serdeable
    public record TaskView(String id, String sectionId, String title, String text, List<String> unitIds,
                           LocalDate deadline, long daysLeft, List<Target> targets, List<UnitState> states) {
        /** A task with each unit's latest report and effective deadline, names and days left as the pages show them. */
        static TaskView of(Plan plan, TaskList.Item item, Display display) {
            PlanTask t = item.task();
            List<UnitState> states = item.units().stream().map(u -> new UnitState(u.unitId(),
                    display.unitName(plan, u.unitId()), u.latest() == null ? null : SubmissionView.of(u.latest()),
                    u.deadline().effective(), u.deadline().text())).toList();
            return new TaskView(t.id(), t.sectionId(), t.title(), t.text(), t.unitIds(), t.deadline(),
                    display.daysLeft(t.deadline()), item.targets(), states);
        }
    }

    /**
     * Both history fields are always written, also when empty or null: serde leaves out empty and null values by
     * default ({@code micronaut.serde.serialization.inclusion: NON_EMPTY}), and a client tells the last page by
     * {@code "historyNext": null}.
     *
     * @param history     newest first, one page (size {@code limit}) over the units the caller may see
     * @param historyNext opaque cursor of the next (older) page: {@code ?cursor=…}; null on the last page
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TaskDetail(TaskView task, List<SubmissionView> history, @Nullable String historyNext) {
    }

    /**
     * Result of a submission. 201 with replayed=false when stored; 200 with replayed=true and the original
     * submission when the same Idempotency-Key and content arrive again.
     */
    @Serdeable
    public record SubmitResult(boolean replayed, SubmissionView submission) {
    }
}
