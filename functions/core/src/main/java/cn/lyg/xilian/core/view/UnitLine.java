package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.alert.Light;
import cn.lyg.xilian.core.progress.Submission;
import org.jspecify.annotations.Nullable;

/**
 * One responsible unit of a task as the board shows it: its light, the reasons joined (empty when green) and
 * its latest report (null when it never reported).
 */
public record UnitLine(String unitId, String unitName, Light light, String reason, @Nullable Submission latest) {

    public boolean reported() {
        return latest != null;
    }

    /** An unreported unit counts as 0 % in averages: silence is not progress. */
    public int percentOrZero() {
        return latest == null ? 0 : latest.percent();
    }
}
