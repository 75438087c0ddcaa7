package cn.lyg.xilian.runtime;

import cn.lyg.xilian.testkit.Dynalite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A template function against a fresh table on the shared dynalite, as `sam deploy` + load-plan would leave it:
 * the table resource is the test's table, the parameters are the template's defaults and samconfig.toml's dev
 * overrides; only the endpoints of the local stand-ins are added (DynamoDB; mail to an .eml outbox instead of
 * SES, the one documented local substitution).
 */
final class RuntimeFixture {

    static final RuntimeTools TOOLS = RuntimeTools.locate().ensureInstalled();
    static final SamTemplate TEMPLATE = SamTemplate.read(TOOLS.template());
    static final Path TARGET = TOOLS.root().resolve("tests/runtime/target");

    final Dynalite dynalite = Dynalite.shared();
    final String table;
    final LocalStage stage;
    final Path outbox;

    RuntimeFixture(String hint) {
        table = Dynalite.uniqueTableName(hint);
        stage = new LocalStage(dynalite.endpoint(), table, "us-east-1");
        stage.load(TOOLS.root().resolve("infra/plans/plan-2026.json"));
        try {
            outbox = Files.createDirectories(TARGET.resolve("outbox").resolve(table));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SamTemplate.Stage samStage() {
        // No evidence bucket in this tier (EVIDENCE_BUCKET empty: no S3 store); the S3 path is tested against moto
        // in functions/api (EvidenceS3FunctionTest) and against LocalStack's S3 in tests/deploy (LocalStackSupervisionTest).
        // No KMS key either (ChatSealingKey empty): a function given a local key file seals with it, as the local run does.
        return SamTemplate.Stage.local(Map.of("XilianTable", table, "HttpApi", "local", "EvidenceBucket", "",
                        "ChatSealingKey", ""))
                .withParameters(SamConfig.parameterOverrides(TOOLS.root().resolve(LambdaCli.SAMCONFIG),
                        LambdaCli.SAMCONFIG_ENV));
    }

    /** The table resource's Properties (template.yaml). */
    Map<String, Object> samStageTable() {
        return TEMPLATE.resourceProperties("XilianTable");
    }

    FunctionSpec function(String logicalId) {
        FunctionSpec spec = TEMPLATE.function(logicalId, samStage());
        Map<String, String> local = new java.util.LinkedHashMap<>(Map.of(
                "XILIAN_DYNAMODB_ENDPOINT", dynalite.endpoint().toString()));
        if ("ses".equals(spec.environment().get("MAIL_TRANSPORT"))) {
            local.put("MAIL_TRANSPORT", "outbox");
            local.put("MAIL_OUTBOX_DIR", outbox(logicalId).toString());
        }
        return spec.withEnvironment(local);
    }

    /** A fresh runtime (cold start) of the function; its output goes to target/lambda-logs/. */
    LambdaEmulator start(FunctionSpec spec, String logName) {
        try {
            Path logs = Files.createDirectories(TARGET.resolve("lambda-logs"));
            return LambdaEmulator.builder(spec).tools(TOOLS).logFile(logs.resolve(logName + ".log")).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .eml outbox of one function (mail leaves each function on its own). */
    Path outbox(String functionId) {
        try {
            return Files.createDirectories(outbox.resolve(functionId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Path> emails(String functionId) {
        try (Stream<Path> files = Files.list(outbox(functionId))) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
