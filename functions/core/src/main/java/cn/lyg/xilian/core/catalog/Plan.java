package cn.lyg.xilian.core.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The structured catalog of one year's plan, as produced by the importer.
 *
 * @param year      the plan year, read from the plan's title
 * @param docNumber e.g. "连政办发〔2026〕13号"
 * @param issuedOn  the date the notice was signed; pro-rata expectations run from it
 */
public record Plan(int year, String title, String docNumber, LocalDate issuedOn,
                   List<Section> sections, List<Unit> units, List<PlanTask> tasks) {

    /** The plan year a function serves when its configuration names none (xilian.plan.year). */
    public static final int DEFAULT_YEAR = 2026;

    public Plan {
        sections = List.copyOf(sections);
        units = List.copyOf(units);
        tasks = List.copyOf(tasks);
    }

    /** What every refusal of an unknown task id says (pages, API, supervision, evidence). */
    public static String noSuchTask(String taskId) {
        return "计划中没有编号为“" + taskId + "”的任务";
    }

    public Optional<PlanTask> task(String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Unit> unit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    public Optional<Section> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<PlanTask> tasksFor(String unitId) {
        return tasks.stream().filter(t -> t.isResponsible(unitId)).toList();
    }
}
