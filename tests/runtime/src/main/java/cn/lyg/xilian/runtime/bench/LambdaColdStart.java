package cn.lyg.xilian.runtime.bench;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.progress.Submission;
import cn.lyg.xilian.dynamodb.Keys;
import cn.lyg.xilian.runtime.FunctionSpec;
import cn.lyg.xilian.runtime.Invocation;
import cn.lyg.xilian.runtime.LambdaEmulator;
import cn.lyg.xilian.runtime.LocalStage;
import cn.lyg.xilian.runtime.RuntimeTools;
import cn.lyg.xilian.runtime.SamConfig;
import cn.lyg.xilian.runtime.SamTemplate;
import cn.lyg.xilian.runtime.StreamEvents;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.aws.HttpApiEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold start in Lambda's own terms (infra/bin/bench-coldstart lambda; prints figures, not a test): for each function
 * of template.yaml and for a framework-free floor handler, RUNS fresh runtimes under the Lambda Runtime Interface
 * Emulator, each invoked once with the event its source sends; Lambda's "Init Duration" (INIT REPORT) and the first
 * invocation's "Duration" (INVOKE RTDONE), median over the runs. DynamoDB is dynalite (in memory), mail the outbox.
 * <pre>LambdaColdStart &lt;runs&gt;</pre>
 */
public final class LambdaColdStart {

    private LambdaColdStart() {
    }

    record Row(String name, String handler, List<Double> init, List<Double> first) {
        double medianInit() {
            return median(init);
        }

        double medianFirst() {
            return median(first);
        }

        double medianCold() {
            List<Double> sums = new ArrayList<>();
            for (int i = 0; i < init.size(); i++) {
                sums.add(init.get(i) + first.get(i));
            }
            return median(sums);
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args.length > 0 ? args[0] : "5");
        RuntimeTools tools = RuntimeTools.locate().ensureInstalled();
        SamTemplate template = SamTemplate.read(tools.template());
        Path work = Files.createDirectories(tools.root().resolve(".local/bench/lambda"));
        try (Dynalite dynalite = Dynalite.start(null);
             LocalStage stage = new LocalStage(dynalite.endpoint(), "bench", "us-east-1")) {
            Plan plan = stage.load(tools.root().resolve("infra/plans/plan-2026.json"));
            String coordinator = stage.issue(Role.COORDINATOR, null);
            PlanTask task = plan.tasks().getFirst();
            Submission report = stage.report(plan, task.id(), task.unitIds().getFirst(), "bench-report-1", Map.of(
                    "status", "IN_PROGRESS", "percent", "30", // read and evaluated, no alert mail
                    "progress", "按计划推进", "reporter", "张三"));

            SamTemplate.Stage samStage = SamTemplate.Stage.local(Map.of("XilianTable", "bench", "HttpApi", "local", "EvidenceBucket", "",
                    "ChatSealingKey", ""))
                    .withParameters(SamConfig.parameterOverrides(tools.root().resolve("infra/sam/samconfig.toml"), "dev"));
            Map<String, String> local = Map.of("XILIAN_DYNAMODB_ENDPOINT", dynalite.endpoint().toString(),
                    "MAIL_TRANSPORT", "outbox", "MAIL_OUTBOX_DIR", work.resolve("outbox").toString());

            Map<String, String> events = new LinkedHashMap<>();
            events.put("ApiFunction", HttpApiEvent.get("/api/v1/units").header("authorization", "Bearer " + coordinator).toJson());
            events.put("AlertScanFunction", scheduleInput(template, "AlertScanFunction"));
            events.put("SubmissionEventFunction", StreamEvents.batch(StreamEvents.keysOnlyInsert("1",
                    Keys.taskHistoryPk(2026, task.id()), Keys.submissionSk(report.unitId(), report.idempotencyKey()))));
            events.put("WeeklySummaryFunction", scheduleInput(template, "WeeklySummaryFunction"));

            List<Row> rows = new ArrayList<>();
            FunctionSpec api = template.function("ApiFunction", samStage).withEnvironment(local);
            FunctionSpec floor = new FunctionSpec("floor", FloorHandler.class.getName(), api.runtime(), api.codeUri(),
                    api.memoryMb(), api.timeoutSeconds(), api.logFormat(), Map.of(
                    "TABLE_NAME", "bench", "XILIAN_DYNAMODB_ENDPOINT", dynalite.endpoint().toString(),
                    "JAVA_TOOL_OPTIONS", api.environment().getOrDefault("JAVA_TOOL_OPTIONS", "")));
            // The floor class from this module, the SDK from the API's jar: the same SDK classes as the API function.
            Path floorClasses = Path.of(FloorHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            rows.add(measure(tools, floor, List.of(floorClasses, api.jar()), "{}", runs, work));
            for (Map.Entry<String, String> e : events.entrySet()) {
                FunctionSpec spec = template.function(e.getKey(), samStage).withEnvironment(local);
                rows.add(measure(tools, spec, null, e.getValue(), runs, work));
            }
            print(rows, runs);
        }
    }

    private static String scheduleInput(SamTemplate template, String functionId) {
        return template.events(functionId, "ScheduleV2").values().stream()
                .map(p -> String.valueOf(p.get("Input"))).findFirst().orElseThrow();
    }

    private static Row measure(RuntimeTools tools, FunctionSpec spec, List<Path> code, String event, int runs, Path work) {
        List<Double> init = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            LambdaEmulator.Builder b = LambdaEmulator.builder(spec).tools(tools)
                    .logFile(work.resolve(spec.logicalId() + "-" + i + ".log"));
            if (code != null) {
                b.code(code);
            }
            try (LambdaEmulator fn = b.start()) {
                Invocation inv = fn.invoke(event);
                if (inv.functionError() || inv.initDurationMs() == null || inv.durationMs() == null) {
                    throw new IllegalStateException(spec.logicalId() + " failed: " + inv.response());
                }
                init.add(inv.initDurationMs());
                first.add(inv.durationMs());
            }
            System.err.printf(Locale.ROOT, "%s run %d: init %.0f ms, first %.0f ms%n", spec.logicalId(), i + 1,
                    init.getLast(), first.getLast());
        }
        return new Row(spec.logicalId(), spec.handler(), init, first);
    }

    private static void print(List<Row> rows, int runs) {
        Row floor = rows.getFirst();
        System.out.printf(Locale.ROOT, "java %s; %d cores; %d fresh runtimes each; median ms%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), runs);
        System.out.printf(Locale.ROOT, "%-24s %10s %10s %12s %8s   %s%n", "function", "Init", "first", "Init+first",
                "/ floor", "Init+first per run");
        for (Row r : rows) {
            List<String> each = new ArrayList<>();
            for (int i = 0; i < r.init().size(); i++) {
                each.add(String.format(Locale.ROOT, "%.0f", r.init().get(i) + r.first().get(i)));
            }
            System.out.printf(Locale.ROOT, "%-24s %10.0f %10.0f %12.0f %7.1f×   %s%n", r.name(), r.medianInit(),
                    r.medianFirst(), r.medianCold(), r.medianCold() / floor.medianCold(), String.join(" ", each));
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
