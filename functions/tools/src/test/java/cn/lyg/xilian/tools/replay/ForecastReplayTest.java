package cn.lyg.xilian.tools.replay;

import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.alert.Assessment;
import cn.lyg.xilian.core.alert.Evaluation;
import cn.lyg.xilian.core.alert.Reason;
import cn.lyg.xilian.core.alert.Rule;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.ProgressStatus;
import cn.lyg.xilian.core.progress.ProgressTrail;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.wiring.CatalogJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static cn.lyg.xilian.core.PlanTime.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 预测预警 judged on a replay (issue 24). The 2026 plan (infra/plans/plan-2026.json) with a stated, seeded history,
 * since no stored test history covers the year: every pair whose deadline is after 2026-10-15 reports weekly
 * (every 7 days from a start drawn in its first 3 weeks, ±1 day) the percent of a progress curve
 * {@code 100·(t/T)^k}, rounded to 5 points with ±3 points of noise and never falling, and reports 已完成 once the
 * curve reaches 100 %. {@code T} (the true finishing day) is the pair's deadline span × a factor drawn from
 * [0.75, 1.30]; {@code k} is 0.6 (front-loaded), 1.0 (steady) or 1.5 (back-loaded), one third each.
 *
 * <p>As of 2026-10-01 the forecast flags some pairs (预计逾期). For each, the date the time-based rules first say
 * the same thing (滞后 or 逾期; 临近 is left out, it fires for every unfinished pair) is found by evaluating every
 * day after. A false alarm is a flagged pair that finished by its deadline. The figures are printed and go into
 * the README.
 */
class ForecastReplayTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 1);
    private final AlertEvaluator evaluator = new AlertEvaluator();
    private final AlertSettings settings = AlertSettings.defaults().withQuietDays(false);
    private final WorkCalendar calendar = WorkCalendar.fromClasspath();

    @Test
    void theForecastFlagsLatePairsBeforeTheTimeBasedRules() throws IOException {
        Plan plan;
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("infra/plans/plan-2026.json"))) {
            plan = CatalogJson.read(in);
        }
        Random random = new Random(2026);
        Map<String, History> histories = new java.util.LinkedHashMap<>();
        for (PlanTask task : plan.tasks()) {
            for (String unit : task.unitIds()) {
                if (task.deadline().isAfter(LocalDate.of(2026, 10, 15))) {
                    histories.put(task.id() + "/" + unit, History.draw(plan, task, unit, random));
                }
            }
        }

        Evaluation atReplay = evaluate(plan, histories, AS_OF);
        int flagged = 0;
        int earlier = 0;
        long leadDays = 0;
        int falseAlarms = 0;
        int lateInTruth = 0;
        for (History h : histories.values()) {
            lateInTruth += h.finishedOnTime() ? 0 : 1;
            if (!has(atReplay, h, Rule.PROJECTED_LATE)) {
                continue;
            }
            flagged++;
            if (h.finishedOnTime()) {
                falseAlarms++;
            }
            for (LocalDate day = AS_OF.plusDays(1); !day.isAfter(h.task.deadline().plusDays(1)); day = day.plusDays(1)) {
                Evaluation e = evaluate(plan, Map.of("x", h), day);
                if (has(e, h, Rule.BEHIND) || has(e, h, Rule.OVERDUE)) {
                    earlier++;
                    leadDays += ChronoUnit.DAYS.between(AS_OF, day);
                    break;
                }
            }
        }
        int flaggedByTimeRules = (int) histories.values().stream()
                .filter(h -> has(atReplay, h, Rule.BEHIND) || has(atReplay, h, Rule.OVERDUE)).count();
        System.out.printf("预测预警 replay as of %s: %d pairs (%d late in truth); time rules (滞后/逾期) already flag %d;"
                        + " the forecast flags %d more, %d of which the time rules flag later, on average %.1f days later;"
                        + " %d false alarms (flagged, finished on time)%n",
                AS_OF, histories.size(), lateInTruth, flaggedByTimeRules, flagged, earlier,
                earlier == 0 ? 0.0 : (double) leadDays / earlier, falseAlarms);

        assertThat(flagged).as("the forecast flags something the time rules do not yet say").isPositive();
        assertThat(earlier).as("and the time rules confirm most of it later").isGreaterThan(flagged / 2);
        assertThat(falseAlarms).as("false alarms stay a minority").isLessThan(flagged / 2);
    }

    private Evaluation evaluate(Plan plan, Map<String, History> histories, LocalDate day) {
        List<TaskUnitState> states = histories.values().stream().map(h -> h.stateOn(day)).toList();
        return evaluator.evaluate(plan, states, day, settings, calendar);
    }

    private static boolean has(Evaluation e, History h, Rule rule) {
        Assessment a = e.assessmentsByPair().of(h.task.id(), h.unit);
        return a.reasons().stream().map(Reason::rule).anyMatch(r -> r == rule);
    }

    /** One pair's drawn reports (the whole year) and its true finishing day. */
    private record History(PlanTask task, String unit, LocalDate trueFinish, List<Submission> reports) {

        static History draw(Plan plan, PlanTask task, String unit, Random random) {
            long span = ChronoUnit.DAYS.between(plan.issuedOn(), task.deadline());
            long finishDay = Math.round(span * (0.75 + 0.55 * random.nextDouble()));
            double k = new double[] {0.6, 1.0, 1.5}[random.nextInt(3)];
            List<Submission> reports = new ArrayList<>();
            int last = 0;
            LocalDate day = plan.issuedOn().plusDays(random.nextInt(21));
            for (int n = 0; last < 100 && day.isBefore(task.deadline().plusDays(60)); n++) {
                long t = ChronoUnit.DAYS.between(plan.issuedOn(), day);
                double curve = 100 * Math.pow(Math.min(1.0, (double) t / finishDay), k);
                int percent = t >= finishDay ? 100
                        : Math.min(95, Math.max(last, (int) (Math.round((curve + random.nextInt(7) - 3) / 5.0) * 5)));
                last = percent;
                reports.add(new Submission(plan.year(), task.id(), unit, "replay-" + n + "-" + unit,
                        percent == 100 ? ProgressStatus.DONE : ProgressStatus.IN_PROGRESS, percent, Map.of(), "推进情况",
                        null, null, null, null, day.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant()));
                day = day.plusDays(7 + random.nextInt(3) - 1);
            }
            return new History(task, unit, plan.issuedOn().plusDays(finishDay), reports);
        }

        boolean finishedOnTime() {
            return !trueFinish.isAfter(task.deadline());
        }

        /** The state as the store would hold it at the start of {@code day} (reports of earlier days). */
        TaskUnitState stateOn(LocalDate day) {
            List<Submission> known = reports.stream()
                    .filter(s -> s.submittedAt().atZone(ZONE).toLocalDate().isBefore(day)).toList();
            Submission latest = known.isEmpty() ? null : known.get(known.size() - 1);
            return new TaskUnitState(2026, task.id(), unit, latest, known.size()).withTrail(ProgressTrail.of(known));
        }
    }
}
