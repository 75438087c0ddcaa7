package cn.lyg.xilian.tools;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.TaskUnit;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.core.progress.SubmitOutcome;
import cn.lyg.xilian.core.progress.SubmitProgress;
import cn.lyg.xilian.core.progress.TaskUnitState;
import cn.lyg.xilian.core.testdata.PlanBuilder;
import cn.lyg.xilian.core.testdata.ProgressInputBuilder;
import cn.lyg.xilian.core.testdata.TaskBuilder;
import cn.lyg.xilian.dynamodb.Keys;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.wiring.CatalogJson;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * load-plan --dry-run against dynalite: the 2026 catalog loaded and reported on, an amended catalog previewed unit by
 * unit without a write, then loaded for real with every report kept.
 */
@ExtendWith(DynaliteExtension.class)
class LoadPlanDryRunTest {

    private static final Path ROOT = Path.of(System.getProperty("xilian.root", "../.."));
    private static final Path PLAN_2026 = ROOT.resolve("infra/plans/plan-2026.json");
    private static final int YEAR = 2026;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ApplicationContext context;
    private String table;

    @TempDir
    Path dir;

    @BeforeEach
    void start(Dynalite dynalite) {
        table = Dynalite.uniqueTableName("load-plan-dry");
        context = ApplicationContext.run(Map.of("xilian.dynamodb.endpoint", dynalite.endpoint().toString(),
                "xilian.dynamodb.table", table, "xilian.dynamodb.region", "us-east-1"));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void anAmendedPlanIsPreviewedUnitByUnitThenLoadedKeepingEveryReport() throws IOException {
        assertThat(run(PLAN_2026.toString(), "--create-table")).isZero();
        Plan plan = read(PLAN_2026);
        Submission movedDeadline = report(plan, "3.1.4", "donghai");
        Submission removedTask = report(plan, "2.8", "donghai");
        Submission unitAdded = report(plan, "2.6", "ganyu");
        Submission untouched = report(plan, "3.1.6", "lianyun");
        Path amended = write(amend(plan));
        List<Map<String, AttributeValue>> before = items();
        out.reset();

        assertThat(run("--dry-run", amended.toString())).isZero();

        assertThat(items()).as("a dry run writes nothing").isEqualTo(before);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                2026年计划载入预览（与已载入的计划相比；未写入任何数据）
                各单位：
                东海县（donghai）
                  新增 3.1.8「推动锡连两地数字经济协同发展」：新任务
                  变更 3.1.4「推动锡山区和东海县在新材料等产业领域探索联动发展新路径」（已填报）
                    完成时间：2026-12-31 → 2026-10-31
                  移除 2.8「推进斯泰兰蒂斯欧瑞德汽车核心零部件循环再利用项目和金泰阁新…」：任务删除（已填报：进展保留，不再显示于看板和任务、单位视图）
                灌云县（guanyun）
                  新增 2.6「惠榆新兴产业合作园推进溯驭氢能等项目进驻投产」：新列为责任单位
                赣榆区（ganyu）
                  变更 2.6「惠榆新兴产业合作园推进溯驭氢能等项目进驻投产」（已填报）
                    责任单位：惠榆新兴产业合作园、赣榆区 → 惠榆新兴产业合作园、赣榆区、灌云县
                连云区（lianyun）
                  新增 3.1.8「推动锡连两地数字经济协同发展」：新任务
                惠榆新兴产业合作园（park-huiyu）
                  变更 2.6「惠榆新兴产业合作园推进溯驭氢能等项目进驻投产」
                    责任单位：惠榆新兴产业合作园、赣榆区 → 惠榆新兴产业合作园、赣榆区、灌云县
                合计：5个单位受影响；涉及已填报事项3项：3.1.4 东海县、2.8 东海县、2.6 赣榆区。
                dry run: nothing written to %s
                """.formatted(table));

        out.reset();
        assertThat(run(amended.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("plan 2026 (44 tasks, 29 units) into " + table);

        ProgressRepository progress = context.getBean(ProgressRepository.class);
        for (Submission s : List.of(movedDeadline, removedTask, unitAdded, untouched)) {
            assertThat(progress.find(YEAR, s.taskId(), s.unitId(), s.idempotencyKey())).as("history of %s", s)
                    .contains(s);
        }
        assertThat(latest(progress.statesOfTask(YEAR, "3.1.4"), "donghai")).isEqualTo(movedDeadline);
        assertThat(latest(progress.statesOfTask(YEAR, "2.6"), "ganyu")).isEqualTo(unitAdded);
        assertThat(latest(progress.statesOfUnit(YEAR, "lianyun").stream()
                .filter(s -> s.taskId().equals("3.1.6")).toList(), "lianyun")).isEqualTo(untouched);
        // The removed task's reported pair: kept, unassigned, out of every state view.
        Map<String, AttributeValue> removed = item(Keys.state("2.8", "donghai"));
        assertThat(removed.get("assigned").bool()).isFalse();
        assertThat(removed).containsKey("latest");
        assertThat(context.getBean(CatalogRepository.class).loaded(YEAR).reported())
                .contains(new TaskUnit("2.8", "donghai"));
        assertThat(progress.statesOfTask(YEAR, "2.8")).isEmpty();
        assertThat(progress.statesOfUnit(YEAR, "donghai")).extracting(TaskUnitState::taskId)
                .doesNotContain("2.8").contains("3.1.4", "3.1.8");
        assertThat(progress.allStates(YEAR)).noneMatch(s -> s.taskId().equals("2.8"));
        // The added unit's pair: there, unreported.
        assertThat(progress.statesOfTask(YEAR, "2.6")).filteredOn(s -> s.unitId().equals("guanyun"))
                .singleElement().satisfies(s -> assertThat(s.latest()).isNull());

        out.reset();
        assertThat(run("--dry-run", amended.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("2026年计划与已载入的相同：没有变化，载入不会改动任何数据。\n");
    }

    @Test
    void aFirstLoadIsPreviewedAndTheLoadedCatalogItselfHasNoChanges() {
        new cn.lyg.xilian.dynamodb.TableCreator(context.getBean(DynamoDbClient.class)).createIfAbsent(table);

        assertThat(run("--dry-run", PLAN_2026.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("2026年计划尚未载入：首次载入将新增44项任务、29个单位。\n各单位：\n")
                .contains("东海县（donghai）\n  新增 1.1「两市政府签订2026年度南北结对帮扶合作协议」：新任务\n");
        assertThat(items()).isEmpty();

        assertThat(run(PLAN_2026.toString())).isZero();
        out.reset();
        assertThat(run(PLAN_2026.toString(), "--dry-run")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "2026年计划与已载入的相同：没有变化，载入不会改动任何数据。\ndry run: nothing written to " + table + "\n");
    }

    @Test
    void aDryRunCreatesNoTableAndWantsOneCatalog() {
        assertThat(run("--dry-run", PLAN_2026.toString(), "--create-table")).isEqualTo(2);
        assertThat(run("--dry-run")).isEqualTo(2);
        assertThat(run("--dry", PLAN_2026.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: load-plan [--dry-run | --create-table] <catalog.json>");
        assertThat(run("--dry-run", PLAN_2026.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("table " + table + " does not exist");
    }

    /**
     * 3.1.4's deadline moved to 2026-10-31, 3.1.8 added for 东海县 and 连云区, 灌云县 added to 2.6, 2.8 (东海县 only)
     * removed.
     */
    private static Plan amend(Plan plan) {
        List<PlanTask> tasks = new ArrayList<>();
        for (PlanTask t : plan.tasks()) {
            switch (t.id()) {
                case "2.8" -> {
                }
                case "2.6" -> tasks.add(TaskBuilder.from(t).units("park-huiyu", "ganyu", "guanyun").build());
                case "3.1.4" -> tasks.add(TaskBuilder.from(t).deadline(LocalDate.of(2026, 10, 31)).build());
                case "3.1.7" -> {
                    tasks.add(t);
                    tasks.add(TaskBuilder.task("3.1.8").section("3.1").title("推动锡连两地数字经济协同发展")
                            .text("推动锡连两地数字经济协同发展，共建数据中心。").units("donghai", "lianyun").build());
                }
                default -> tasks.add(t);
            }
        }
        return PlanBuilder.from(plan).tasks(tasks).build();
    }

    private Submission report(Plan plan, String taskId, String unitId) {
        SubmitProgress submit = new SubmitProgress(context.getBean(ProgressRepository.class),
                Clock.fixed(Instant.parse("2026-05-11T02:00:00Z"), ZoneOffset.UTC));
        SubmitOutcome outcome = submit.submit(plan, new Principal(Role.UNIT, unitId, "hash-" + unitId), taskId,
                ProgressInputBuilder.input().key("report-" + taskId.replace('.', '-')).build());
        assertThat(outcome).isInstanceOf(SubmitOutcome.Stored.class);
        return ((SubmitOutcome.Stored) outcome).submission();
    }

    private static Submission latest(List<TaskUnitState> states, String unitId) {
        return states.stream().filter(s -> s.unitId().equals(unitId)).findFirst().orElseThrow().latest();
    }

    private Map<String, AttributeValue> item(String sk) {
        return context.getBean(DynamoDbClient.class).getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(Keys.planPk(YEAR)), "sk", AttributeValue.fromS(sk)))).item();
    }

    /** Every item of the table, in key order: compared whole, attribute by attribute. */
    private List<Map<String, AttributeValue>> items() {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        context.getBean(DynamoDbClient.class).scanPaginator(b -> b.tableName(table).consistentRead(true))
                .items().forEach(all::add);
        all.sort(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("pk").s())
                .thenComparing(i -> i.get("sk").s()));
        return all;
    }

    private static Plan read(Path catalog) throws IOException {
        try (InputStream in = Files.newInputStream(catalog)) {
            return CatalogJson.read(in);
        }
    }

    private Path write(Plan plan) throws IOException {
        Path file = dir.resolve("plan-2026-amended.json");
        Files.writeString(file, CatalogJson.write(plan));
        return file;
    }

    private int run(String... args) {
        return LoadPlanCommand.run(context, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
