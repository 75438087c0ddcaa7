package cn.lyg.xilian.core.report;

import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Target;
import cn.lyg.xilian.core.report.Lines.TargetProgress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The quantitative targets: reported against the pro-rata share expected by the Sunday, and the gap. */
final class WeekTargets {

    private WeekTargets() {
    }

    static List<TargetProgress> of(Week w) {
        List<TargetProgress> lines = new ArrayList<>();
        for (WeekPair p : w.pairs) {
            BigDecimal fraction = expectedFraction(w, p.task());
            for (Target target : p.task().targetsFor(p.unitId())) {
                if (target.minimum().signum() <= 0) {
                    continue;
                }
                BigDecimal reported = p.latest() == null ? BigDecimal.ZERO
                        : p.latest().figures().getOrDefault(target.id(), BigDecimal.ZERO);
                BigDecimal expected = target.minimum().multiply(fraction).setScale(1, RoundingMode.HALF_UP);
                lines.add(new TargetProgress(p.task().id(), p.task().title(), p.unitId(), p.unitName(),
                        target.metric(), target.measure(), target.minimum(), reported, expected,
                        expected.subtract(reported)));
            }
        }
        return lines;
    }

    /** The alert rules' pro-rata share: (asOf − issuedOn) / (deadline − issuedOn), clamped to [0, 1]. */
    static BigDecimal expectedFraction(Week w, PlanTask task) {
        long span = ChronoUnit.DAYS.between(w.plan.issuedOn(), task.deadline());
        if (span <= 0) {
            return BigDecimal.ONE;
        }
        long elapsed = Math.clamp(ChronoUnit.DAYS.between(w.plan.issuedOn(), w.asOf), 0, span);
        return BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(span), 6, RoundingMode.HALF_UP);
    }
}
