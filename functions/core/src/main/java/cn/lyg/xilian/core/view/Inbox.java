package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.catalog.PlanTask;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The coordinators' 待办: what waits on them or on a unit, oldest first. {@code counts} are by kind over the
 * filtered items; {@code total} is the unfiltered count the header shows.
 */
public record Inbox(LocalDate asOf, InboxFilter filter, List<Item> items, Map<Kind, Integer> counts, int total) {

    public Inbox {
        items = List.copyOf(items);
        counts = Map.copyOf(counts);
    }

    /** Kinds in the order a tie in age is broken (the coordinator's own decisions first). */
    public enum Kind {
        REVIEW("待审核"),
        EXTENSION("延期申请待审批"),
        RETURNED("退回后未重报"),
        SILENT("超期未报"),
        UNREAD("督办意见未读");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One thing waiting.
     *
     * @param unitIds the unit it waits on or for (several only for an instruction some units have not opened)
     * @param since   when it started waiting; null for a unit that never reported
     * @param ageDays whole days since {@code since} in Asia/Shanghai; for a unit that never reported, since the
     *                plan was issued (as the 未报 rule counts)
     * @param detail  what it is about, e.g. the report's status and percent, the requested date and reason
     * @param anchor  the fragment of the task page where it is handled, e.g. {@code unit-gn}
     */
    public record Item(Kind kind, PlanTask task, List<String> unitIds, @Nullable Instant since, long ageDays,
                       String detail, String anchor) {
        public Item {
            unitIds = List.copyOf(unitIds);
        }
    }
}
