package cn.lyg.xilian.core.supervision;

import java.time.Instant;
import java.util.List;

/**
 * What changed for a unit that it has not looked at yet — a new 督办意见, a decision on its extension request — kept
 * per unit, so 我的任务 reads all of them in one query instead of one per task. Written with the instruction or the
 * decision; cleared for a task when the unit opens that task's page. Every write is idempotent.
 */
public interface UnitInbox {

    UnitInbox NONE = new UnitInbox() {
        @Override
        public void add(int year, String unitId, Entry entry) {
        }

        @Override
        public List<Entry> entries(int year, String unitId) {
            return List.of();
        }

        @Override
        public void clearTask(int year, String unitId, String taskId) {
        }
    };

    /**
     * @param key     the instruction's or the extension request's key
     * @param summary one line in Chinese, e.g. "延期申请已批准" or the instruction's beginning
     */
    record Entry(String taskId, Kind kind, String key, String summary, Instant at) {
        public enum Kind { INSTRUCTION, DECISION }
    }

    void add(int year, String unitId, Entry entry);

    /** The unit's entries, every task (one query). */
    List<Entry> entries(int year, String unitId);

    /** The unit opened the task's page: its entries there are seen. */
    void clearTask(int year, String unitId, String taskId);
}
