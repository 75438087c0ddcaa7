package cn.lyg.xilian.web.board;

import cn.lyg.xilian.core.alert.AlertRules;
import cn.lyg.xilian.wiring.LoadedYears;
import cn.lyg.xilian.wiring.PlanSettings;
import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.alert.AlertEvaluator;
import cn.lyg.xilian.core.alert.AlertSettings;
import cn.lyg.xilian.core.calendar.WorkCalendar;
import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.report.LedgerBuilder;
import cn.lyg.xilian.core.view.BoardQuery;
import cn.lyg.xilian.core.view.StatusBoard;
import cn.lyg.xilian.web.PlanCache;
import cn.lyg.xilian.web.WebSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's cost does not grow with history: it reads one state per (task, unit) and never the submissions.
 * A repository that fails on any history read proves it for the board and the ledger, for both roles.
 */
class StatusBoardCostTest {

    @Test
    void readsOnlyCurrentStateNeverHistory() throws IOException {
        Plan plan;
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("infra/plans/plan-2026.json"))) {
            plan = CatalogJson.read(in);
        }
        List<String> reads = new ArrayList<>();
        ProgressRepository stateOnly = new ProgressRepository() {
            @Override
            public RecordResult record(Submission submission) {
                throw new AssertionError("the board never writes");
            }

            @Override
            public List<TaskUnitState> statesOfTask(int year, String taskId) {
                throw new AssertionError("one query for the whole board, not one per task");
            }

            @Override
            public List<TaskUnitState> statesOfUnit(int year, String unitId) {
                reads.add("statesOfUnit");
                return List.of();
            }

            @Override
            public List<TaskUnitState> allStates(int year) {
                reads.add("allStates");
                return List.of();
            }

            @Override
            public List<Submission> historyOfTask(int year, String taskId) {
                throw new AssertionError("the board must not read history");
            }

            @Override
            public List<Submission> submittedBetween(int year, Instant from, Instant to) {
                throw new AssertionError("the board must not read history");
            }
        };
        Plan loaded = plan;
        CatalogRepository catalog = new CatalogRepository() {
            @Override
            public LoadResult load(Plan p) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Plan> plan(int year) {
                return Optional.of(loaded);
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-08-05T02:00:00Z"), ZoneOffset.UTC);
        PlanCache plans = new PlanCache(catalog, new WebSettings(), new LoadedYears(catalog, new PlanSettings(), clock), clock);
        StatusBoard board = new StatusBoard(stateOnly,
                new AlertRules(new AlertEvaluator(), AlertSettings.defaults(), WorkCalendar.weekendsOnly()), new LedgerBuilder(),
                clock);

        Principal coordinator = new Principal(Role.COORDINATOR, null, "h1");
        Principal unit = new Principal(Role.UNIT, "lianyun", "h2");
        assertThat(board.board(plans.plan(), coordinator, BoardQuery.all()).rows()).hasSize(plan.tasks().size());
        assertThat(board.ledger(plans.plan(), coordinator, BoardQuery.all()).rows()).hasSize(
                plan.tasks().stream().mapToInt(t -> t.unitIds().size()).sum());
        assertThat(board.board(plans.plan(), unit, BoardQuery.all()).rows()).hasSize(plan.tasksFor("lianyun").size());
        assertThat(reads).containsExactly("allStates", "allStates", "statesOfUnit");
    }
}
