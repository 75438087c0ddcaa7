package cn.lyg.xilian.email.view;

/**
 * The units of count of every email, in one place: each table or sentence counts one thing and says which.
 * "项" is always a task; a (task, responsible unit) pair is a "任务–单位"; a report is a "条".
 */
public final class CountWords {

    private CountWords() {
    }

    /** e.g. "12项" — tasks. */
    public static String tasks(long n) {
        return n + "项";
    }

    /** e.g. "37个“任务–单位”" — (task, unit) pairs. */
    public static String pairs(long n) {
        return n + "个“任务–单位”";
    }

    /** The header of a column counting pairs. */
    public static final String PAIRS_HEADER = "任务–单位数";
}
