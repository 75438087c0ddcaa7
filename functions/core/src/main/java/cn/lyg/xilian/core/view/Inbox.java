package cn.lyg.xilian.core.view;

import cn.lyg.xilian.core.catalog.PlanTask;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The coordinators' 待办: first what waits on the coordinators themselves (reports to review, extension requests to
 * decide), then what waits on a unit; each part oldest first. {@code counts} are by kind over the items matching the
 * unit and section filter; {@code total} and {@code forCoordinators} are unfiltered ({@code forCoordinators} is the
 * header's "待办 N").
 */
public record Inbox(LocalDate asOf, InboxFilter filter, List<Item> items, Map<Kind, Integer> counts, int total,
                    int forCoordinators) {

    public Inbox {
        items = List.copyOf(items);
        counts = Map.copyOf(counts);
    }

    /** Kinds in the order a tie in age is broken. */
    public enum Kind {
        REVIEW("待审核", true),
        EXTENSION("延期申请待审批", true),
        RETURNED("退回后未重报", false),
        SILENT("超期未报", false),
        UNREAD("督办意见未读", false);

        private final String label;
        private final boolean forCoordinators;

        Kind(String label, boolean forCoordinators) {
            this.label = label;
            this.forCoordinators = forCoordinators;
        }

        public String label() {
            return label;
        }

        /** The coordinators decide it (审核、审批); the other kinds wait on a unit and are followed up. */
        public boolean forCoordinators() {
            return forCoordinators;
        }
    }

    /** The items the coordinators decide themselves. */
    public List<Item> coordinatorItems() {
        return items.stream().filter(i -> i.kind().forCoordinators()).toList();
    }

    /** The items waiting on a unit. */
    public List<Item> unitItems() {
        return items.stream().filter(i -> !i.kind().forCoordinators()).toList();
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
