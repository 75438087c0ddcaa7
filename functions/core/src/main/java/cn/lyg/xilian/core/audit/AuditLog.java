package cn.lyg.xilian.core.audit;

import java.time.YearMonth;
import java.util.List;

/** The append-only store of the trail: one partition per month (Asia/Shanghai), no update, no delete, no TTL. */
public interface AuditLog {

    /**
     * Stores the entry unless its id is already stored in its month (a retry): then nothing is written and the answer
     * is false.
     */
    boolean record(AuditEntry entry);

    /** The month's entries, newest first. */
    List<AuditEntry> month(YearMonth month);

    AuditLog NONE = new AuditLog() {
        @Override
        public boolean record(AuditEntry entry) {
            return true;
        }

        @Override
        public List<AuditEntry> month(YearMonth month) {
            return List.of();
        }
    };
}
