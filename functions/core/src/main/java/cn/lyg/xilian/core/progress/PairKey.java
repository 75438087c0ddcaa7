package cn.lyg.xilian.core.progress;

/** The (task, unit) pair as one string, "3.1.2#ganyu", as used in snapshots and storage. */
public final class PairKey {

    private PairKey() {
    }

    public static String of(String taskId, String unitId) {
        return taskId + "#" + unitId;
    }
}
