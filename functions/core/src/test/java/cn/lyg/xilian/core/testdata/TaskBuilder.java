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
public final class TaskBuilder {

    private final String id;
    private String sectionId = "1";
    private String title;
    private String text;
    private List<String> unitIds = List.of();
    private LocalDate deadline = LocalDate.of(2026, 12, 31);
    private final List<Milestone> milestones = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    private TaskBuilder(String id) {
        this.id = id;
        this.title = "任务" + id;
        this.text = "全文" + id;
    }

    /** Task {@code id} with the defaults above. */
    public static TaskBuilder task(String id) {
        return new TaskBuilder(id);
    }

    /** A copy of {@code t} to change some values of. */
    public static TaskBuilder from(PlanTask t) {
        TaskBuilder b = new TaskBuilder(t.id()).section(t.sectionId()).title(t.title()).text(t.text())
                .units(t.unitIds().toArray(String[]::new)).deadline(t.deadline());
        b.milestones.addAll(t.milestones());
        b.targets.addAll(t.targets());
        return b;
    }

    public TaskBuilder section(String sectionId) {
        this.sectionId = sectionId;
        return this;
    }

    public TaskBuilder title(String title) {
        this.title = title;
        return this;
    }

    public TaskBuilder text(String text) {
        this.text = text;
        return this;
    }

    /** The responsible units, replacing any set before. */
    public TaskBuilder units(String... unitIds) {
        this.unitIds = List.of(unitIds);
        return this;
    }

    public TaskBuilder deadline(LocalDate deadline) {
        this.deadline = deadline;
        return this;
    }

    public TaskBuilder milestones(List<Milestone> milestones) {
        this.milestones.addAll(milestones);
        return this;
    }

    public TaskBuilder milestone(LocalDate due, String description) {
        this.milestones.add(new Milestone(due, description));
        return this;
    }

    public TaskBuilder targets(List<Target> targets) {
        this.targets.addAll(targets);
        return this;
    }

    public TaskBuilder target(Target target) {
        this.targets.add(target);
        return this;
    }

    public PlanTask build() {
        return new PlanTask(id, sectionId, title, text, unitIds, deadline, milestones, targets);
    }
}
