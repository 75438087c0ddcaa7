package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.PlanTime;
import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.alert.Reason;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Milestone;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Unit;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.report.Lines.MissingReport;
import cn.lyg.xilian.core.report.Lines.RedItem;
import cn.lyg.xilian.core.report.Lines.TaskRef;
import cn.lyg.xilian.core.report.Lines.UpcomingDeadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** What needs attention after the week: units to chase, red pairs, dates ahead, reports waiting for review. */
final class WeekAttention {

    private WeekAttention() {
    }

    /** 催报名单: units with an open task and no report on it this week, with those tasks. */
    static List<MissingReport> missingReports(Week w) {
        List<MissingReport> missing = new ArrayList<>();
        for (Unit unit : w.plan.units()) {
            List<TaskRef> tasks = notReported(w, unit.id());
            if (!tasks.isEmpty()) {
                missing.add(new MissingReport(unit.id(), unit.name(), tasks));
            }
        }
        return missing;
    }

    static List<TaskRef> notReported(Week w, String unitId) {
        return w.pairsOfUnit(unitId).stream().filter(p -> p.open() && !p.reportedThisWeek())
                .map(p -> new TaskRef(p.task().id(), p.task().title(), p.deadline())).toList();
    }

    static List<RedItem> redItems(Week w) {
        return w.pairs.stream().filter(p -> p.assessment().light() == Light.RED)
                .map(p -> new RedItem(p.task().id(), p.task().title(), p.unitId(), p.unitName(),
                        p.assessment().reasons().stream().map(Reason::text).toList()))
                .toList();
    }

    /** The 黄 pairs whose trajectory projects them past their deadline (预计逾期), with that reason. */
    static List<RedItem> projectedLate(Week w) {
        return w.pairs.stream().filter(p -> p.assessment().reasons().stream()
                        .anyMatch(r -> r.rule() == cn.lyg.xilian.core.alert.Rule.PROJECTED_LATE))
                .map(p -> new RedItem(p.task().id(), p.task().title(), p.unitId(), p.unitName(),
                        p.assessment().reasons().stream().map(Reason::text).toList()))
                .toList();
    }

    /** Deadlines and milestones in asOf+1 … asOf+30 of tasks with an open pair among {@code which}. */
    static List<UpcomingDeadline> upcoming(Week w, Predicate<WeekPair> which) {
        List<UpcomingDeadline> upcoming = new ArrayList<>();
        for (PlanTask task : w.plan.tasks()) {
            List<String> openUnits = w.pairsOf(task).stream().filter(which).filter(WeekPair::open)
                    .map(WeekPair::unitName).toList();
            if (openUnits.isEmpty()) {
                continue;
            }
            datedPoints(task).forEach((due, what) -> {
                long daysLeft = ChronoUnit.DAYS.between(w.asOf, due);
                if (daysLeft >= 1 && daysLeft <= WeeklySummaryBuilder.DUE_WINDOW_DAYS) {
                    upcoming.add(new UpcomingDeadline(task.id(), task.title(), due, what, daysLeft, openUnits));
                }
            });
        }
        // stable sort: same day keeps plan order
        upcoming.sort(Comparator.comparing(UpcomingDeadline::due));
        return upcoming;
    }

    /** The deadline ("完成时限") and each other milestone date with its descriptions joined. */
    private static Map<LocalDate, String> datedPoints(PlanTask task) {
        Map<LocalDate, String> points = new LinkedHashMap<>();
        points.put(task.deadline(), "完成时限");
        Map<LocalDate, List<String>> milestones = new TreeMap<>();
        for (Milestone m : task.milestones()) {
            if (!m.due().equals(task.deadline())) {
                milestones.computeIfAbsent(m.due(), d -> new ArrayList<>()).add(m.description());
            }
        }
        milestones.forEach((due, descriptions) -> points.put(due, "节点：" + String.join("、", descriptions)));
        return points;
    }

    /** Assigned pairs whose latest report (at the week's end) has waited for review N working days or more. */
    static List<Lines.UnreviewedReport> unreviewed(Week w, WorkCalendar calendar, int afterWorkingDays) {
        List<Lines.UnreviewedReport> out = new ArrayList<>();
        for (TaskUnitState s : w.states) {
            if (s.latest() == null || s.review() != null || w.plan.task(s.taskId()).isEmpty()) {
                continue;
            }
            LocalDate on = s.latest().submittedAt().atZone(PlanTime.ZONE).toLocalDate();
            int working = 0;
            for (LocalDate d = on.plusDays(1); !d.isAfter(w.asOf); d = d.plusDays(1)) {
                if (calendar.isWorkingDay(d)) {
                    working++;
                }
            }
            if (working >= afterWorkingDays) {
                out.add(new Lines.UnreviewedReport(s.taskId(), w.taskTitle(s.taskId()), w.unitName(s.unitId()), on, working));
            }
        }
        out.sort(Comparator.comparing(Lines.UnreviewedReport::submittedOn).thenComparing(Lines.UnreviewedReport::taskId));
        return out;
    }
}
