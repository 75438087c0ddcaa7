package cn.lyg.xilian.core.alert;

import java.util.List;

/** The light of one (task, unit) pair as of a date, with every reason for it (empty when green). */
public record Assessment(String taskId, String unitId, Light light, List<Reason> reasons) {
    public Assessment {
        reasons = List.copyOf(reasons);
    }

    /** The reasons joined for display, e.g. "距截止还有7天，进度40%；已20天未填报". */
    public String summary() {
        return String.join("；", reasons.stream().map(Reason::text).toList());
    }
}
