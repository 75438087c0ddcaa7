package cn.lyg.xilian.core.testdata;

import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Target;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PlanTask} for tests, stating only what the test cares about. Defaults: section 1, title "任务&lt;id&gt;",
 * text "全文&lt;id&gt;", no units, deadline 2026-12-31, no milestones, no targets.
 */
public final class TaskBuilder extends RecordBuilder<PlanTask, TaskBuilder> {

    private final List<Milestone> milestones = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    private TaskBuilder(String id) {
        super(PlanTask.class);
        values.put("id", id);
        values.put("sectionId", "1");
        values.put("title", "任务" + id);
        values.put("text", "全文" + id);
        values.put("unitIds", List.of());
        values.put("deadline", LocalDate.of(2026, 12, 31));
        values.put("milestones", milestones);
        values.put("targets", targets);
    }

    /** Task {@code id} with the defaults above. */
    public static TaskBuilder task(String id) {
        return new TaskBuilder(id);
    }

    /** A copy of {@code t} to change some values of. */
    public static TaskBuilder from(PlanTask t) {
        return new TaskBuilder(t.id()).copyOf(t).milestones(t.milestones()).targets(t.targets());
    }

    /** The responsible units, replacing any set before. */
    public TaskBuilder units(String... unitIds) {
        return with("unitIds", List.of(unitIds));
    }

    public TaskBuilder section(String sectionId) {
        return with("sectionId", sectionId);
    }

    public TaskBuilder milestones(List<Milestone> milestones) {
        this.milestones.addAll(milestones);
        return with("milestones", this.milestones);
    }

    public TaskBuilder title(String title) {
        return with("title", title);
    }

    public TaskBuilder target(Target target) {
        targets.add(target);
        return this;
    }

    public TaskBuilder text(String text) {
        return with("text", text);
    }

    public TaskBuilder milestone(LocalDate due, String description) {
        return milestones(List.of(new Milestone(due, description)));
    }

    public TaskBuilder deadline(LocalDate deadline) {
        return with("deadline", deadline);
    }

    public TaskBuilder targets(List<Target> targets) {
        this.targets.addAll(targets);
        return with("targets", this.targets);
    }
}
