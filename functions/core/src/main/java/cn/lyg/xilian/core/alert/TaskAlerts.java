package cn.lyg.xilian.core.alert;

import cn.lyg.xilian.core.progress.ProgressStatus;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task of an alert digest with all its pending items folded in: each task once, each of its units once,
 * each unit's rules and reasons together. See {@link AlertDigest#byTask()}.
 *
 * @param light     the worst light of its units
 * @param worstRule the most serious rule of any of its units ({@link Rule#WORST_FIRST})
 * @param units     worst first
 */
public record TaskAlerts(String taskId, String taskTitle, LocalDate deadline, long daysLeft, Light light,
                         Rule worstRule, List<UnitAlerts> units) {

    public TaskAlerts {
        units = List.copyOf(units);
    }

    /**
     * One unit of a task in a digest.
     *
     * @param lightByRule its rules, most serious first, each with the worst light it gave
     * @param reasons     its reasons in the order of its rules, each once
     * @param status      latest reported status, null when never reported
     */
    public record UnitAlerts(String unitId, String unitName, ProgressStatus status, Integer percent, Light light,
                             Map<Rule, Light> lightByRule, List<String> reasons) {
        public UnitAlerts {
            lightByRule = Collections.unmodifiableMap(new LinkedHashMap<>(lightByRule));
            reasons = List.copyOf(reasons);
        }

        public List<Rule> rules() {
            return List.copyOf(lightByRule.keySet());
        }

        public Rule worstRule() {
            return lightByRule.keySet().iterator().next();
        }
    }
}
