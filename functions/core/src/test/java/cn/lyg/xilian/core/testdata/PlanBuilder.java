package cn.lyg.xilian.core.testdata;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Section;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.catalog.UnitKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Plan} for tests, stating only what the test cares about. Defaults: the 2026 plan's year, title
 * "2026年锡连帮扶合作计划" and number 连政办发〔2026〕13号, issued 2026-03-01, one section "1", the units 赣榆区 (ganyu)
 * and 东海县 (donghai), no tasks. Setting sections or units replaces the defaults.
 */
public final class PlanBuilder extends RecordBuilder<Plan, PlanBuilder> {

    private final List<PlanTask> tasks = new ArrayList<>();

    private PlanBuilder() {
        super(Plan.class);
        values.put("year", Plan.DEFAULT_YEAR);
        values.put("title", "2026年锡连帮扶合作计划");
        values.put("docNumber", "连政办发〔2026〕13号");
        values.put("issuedOn", LocalDate.of(2026, 3, 1));
        values.put("sections", List.of(new Section("1", "一、统筹开展两市帮扶合作", null)));
        values.put("units", List.of(county("ganyu", "赣榆区"), county("donghai", "东海县")));
        values.put("tasks", tasks);
    }

    /** A plan with the defaults above. */
    public static PlanBuilder plan() {
        return new PlanBuilder();
    }

    /** A copy of {@code p} to change some values of. */
    public static PlanBuilder from(Plan p) {
        return new PlanBuilder().copyOf(p).tasks(p.tasks());
    }

    /** A county-level unit without aliases, the usual responsible unit of a test. */
    public static Unit county(String id, String name) {
        return new Unit(id, name, UnitKind.COUNTY, List.of());
    }

    public PlanBuilder year(int year) {
        return with("year", year);
    }

    public PlanBuilder sections(Section... sections) {
        return with("sections", List.of(sections));
    }

    public PlanBuilder title(String title) {
        return with("title", title);
    }

    /** The tasks, replacing any set before. */
    public PlanBuilder tasks(List<PlanTask> tasks) {
        this.tasks.clear();
        this.tasks.addAll(tasks);
        return with("tasks", this.tasks);
    }

    public PlanBuilder issuedOn(LocalDate issuedOn) {
        return with("issuedOn", issuedOn);
    }

    public PlanBuilder units(Unit... units) {
        return with("units", List.of(units));
    }

    public PlanBuilder tasks(PlanTask... tasks) {
        return tasks(List.of(tasks));
    }

    public PlanBuilder task(TaskBuilder task) {
        tasks.add(task.build());
        return this;
    }
}
