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
public final class PlanBuilder {

    private int year = Plan.DEFAULT_YEAR;
    private String title = "2026年锡连帮扶合作计划";
    private String docNumber = "连政办发〔2026〕13号";
    private LocalDate issuedOn = LocalDate.of(2026, 3, 1);
    private List<Section> sections = List.of(new Section("1", "一、统筹开展两市帮扶合作", null));
    private List<Unit> units = List.of(county("ganyu", "赣榆区"), county("donghai", "东海县"));
    private final List<PlanTask> tasks = new ArrayList<>();

    private PlanBuilder() {
    }

    /** A plan with the defaults above. */
    public static PlanBuilder plan() {
        return new PlanBuilder();
    }

    /** A copy of {@code p} to change some values of. */
    public static PlanBuilder from(Plan p) {
        PlanBuilder b = new PlanBuilder().year(p.year()).title(p.title()).docNumber(p.docNumber()).issuedOn(p.issuedOn())
                .sections(p.sections()).units(p.units());
        b.tasks.addAll(p.tasks());
        return b;
    }

    /** A county-level unit without aliases, the usual responsible unit of a test. */
    public static Unit county(String id, String name) {
        return new Unit(id, name, UnitKind.COUNTY, List.of());
    }

    public PlanBuilder year(int year) {
        this.year = year;
        return this;
    }

    public PlanBuilder title(String title) {
        this.title = title;
        return this;
    }

    public PlanBuilder docNumber(String docNumber) {
        this.docNumber = docNumber;
        return this;
    }

    public PlanBuilder issuedOn(LocalDate issuedOn) {
        this.issuedOn = issuedOn;
        return this;
    }

    public PlanBuilder sections(List<Section> sections) {
        this.sections = List.copyOf(sections);
        return this;
    }

    public PlanBuilder sections(Section... sections) {
        return sections(List.of(sections));
    }

    public PlanBuilder units(List<Unit> units) {
        this.units = List.copyOf(units);
        return this;
    }

    public PlanBuilder units(Unit... units) {
        return units(List.of(units));
    }

    /** The tasks, replacing any set before. */
    public PlanBuilder tasks(List<PlanTask> tasks) {
        this.tasks.clear();
        this.tasks.addAll(tasks);
        return this;
    }

    public PlanBuilder tasks(PlanTask... tasks) {
        return tasks(List.of(tasks));
    }

    public PlanBuilder task(PlanTask task) {
        this.tasks.add(task);
        return this;
    }

    public PlanBuilder task(TaskBuilder task) {
        return task(task.build());
    }

    public Plan build() {
        return new Plan(year, title, docNumber, issuedOn, sections, units, tasks);
    }
}
