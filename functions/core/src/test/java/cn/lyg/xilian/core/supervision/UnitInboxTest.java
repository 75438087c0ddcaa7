package cn.lyg.xilian.core.supervision;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.TwoUnitPlan;
import cn.lyg.xilian.core.progress.InMemoryProgressRepository;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22: 我的任务's flags. A new 督办意见 reaches the inbox of each unit it is for, a decision the inbox of the
 * unit that asked; a replay writes the same entry again (nothing doubles); opening the task clears that task only.
 */
class UnitInboxTest {

    private static final Plan PLAN = TwoUnitPlan.PLAN;
    private static final Principal COORDINATOR = new Principal(Role.COORDINATOR, null, "c");
    private static final Principal GANYU = new Principal(Role.UNIT, "ganyu", "g");
    private static final Principal DONGHAI = new Principal(Role.UNIT, "donghai", "d");

    private final InMemorySupervisionRepository store = new InMemorySupervisionRepository();
    private final Map<String, Map<String, UnitInbox.Entry>> boxes = new LinkedHashMap<>();
    private final UnitInbox inbox = new UnitInbox() {
        @Override
        public void add(int year, String unitId, Entry entry) {
            boxes.computeIfAbsent(unitId, u -> new LinkedHashMap<>())
                    .put(entry.taskId() + "#" + entry.kind() + "#" + entry.key(), entry);
        }

        @Override
        public List<Entry> entries(int year, String unitId) {
            return new ArrayList<>(boxes.getOrDefault(unitId, Map.of()).values());
        }

        @Override
        public void clearTask(int year, String unitId, String taskId) {
            boxes.getOrDefault(unitId, new LinkedHashMap<>()).keySet().removeIf(k -> k.startsWith(taskId + "#"));
        }
    };
    private final Supervise supervise = new Supervise(store, store, store, store, new InMemoryProgressRepository(),
            Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC), review -> { }, inbox);

    /** 44 characters: the flag shows the first 40. */
    private static final String LONG = "请于本周内补充佐证材料，说明签约项目的最新进展情况和存在的困难问题，并提出下一步工作安排";

    @Test
    void newsReachTheUnitsConcernedAndAreClearedByOpeningTheTask() {
        supervise.instruct(PLAN, COORDINATOR, "1.1", "", LONG, "note-key-1");
        supervise.instruct(PLAN, COORDINATOR, "1.1", "", LONG, "note-key-1");
        supervise.instruct(PLAN, COORDINATOR, "1.2", "donghai", "请说明进度", "note-key-2");
        supervise.requestExtension(PLAN, GANYU, "1.1", "2027-01-15", "需省里审批", "extension-1");
        supervise.decideExtension(PLAN, COORDINATOR, "1.1", "ganyu", "extension-1", false, null, "请按期完成");

        assertThat(supervise.news(PLAN, GANYU)).extracting(UnitInbox.Entry::summary).containsExactly(
                "新督办意见：" + LONG.substring(0, 40) + "…",
                "延期申请未获批准");
        assertThat(supervise.news(PLAN, DONGHAI)).extracting(UnitInbox.Entry::taskId).containsExactly("1.1", "1.2");
        assertThat(supervise.news(PLAN, COORDINATOR)).isEmpty();

        supervise.open(PLAN, DONGHAI, PLAN.task("1.1").orElseThrow());
        assertThat(supervise.news(PLAN, DONGHAI)).extracting(UnitInbox.Entry::taskId).containsExactly("1.2");
        assertThat(supervise.news(PLAN, GANYU)).hasSize(2);
        supervise.open(PLAN, COORDINATOR, PLAN.task("1.1").orElseThrow()); // a coordinator's look clears nothing
        assertThat(supervise.news(PLAN, GANYU)).hasSize(2);
    }
}
