package cn.lyg.xilian.tools;

import cn.lyg.xilian.core.access.CredentialCheck;
import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.admin.CoordinatorAccount;
import cn.lyg.xilian.core.admin.Directory;
import cn.lyg.xilian.core.admin.UnitProfile;
import cn.lyg.xilian.core.audit.Actor;
import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditEntry;
import cn.lyg.xilian.core.audit.AuditLog;
import cn.lyg.xilian.core.audit.AuditTrail;
import cn.lyg.xilian.core.catalog.UnitKind;
import cn.lyg.xilian.core.catalog.UnitRegistry;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import cn.lyg.xilian.tools.importer.ImportPlanCommand;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 on the command line: the first named coordinator is bootstrapped as an account with its own link, the
 * operator's changes are on the audit trail, a plan load seeds the directory, and the importer resolves units
 * against the directory when it has a table.
 */
@ExtendWith(DynaliteExtension.class)
class OperatorOnRecordTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ApplicationContext context(Dynalite dynalite, String hint) {
        String table = Dynalite.uniqueTableName(hint);
        ApplicationContext ctx = ApplicationContext.run(Map.of("xilian.dynamodb.endpoint",
                dynalite.endpoint().toString(), "xilian.dynamodb.table", table, "xilian.dynamodb.region", "us-east-1",
                "xilian.web.public-base-url", "https://xilian.example.cn/"));
        new TableCreator(ctx.getBean(DynamoDbClient.class)).createIfAbsent(table);
        return ctx;
    }

    private int credentials(ApplicationContext ctx, String... args) {
        return CredentialsCommand.run(ctx, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String token() {
        return out.toString(StandardCharsets.UTF_8).replaceAll("(?s).*/login\\?token=([A-Za-z0-9_-]{43}).*", "$1");
    }

    @Test
    void theFirstNamedCoordinatorGetsAnAccountAndALinkOfItsOwnAllOnRecord(Dynalite dynalite) throws Exception {
        try (ApplicationContext ctx = context(dynalite, "bootstrap")) {
            assertThat(loadPlan(ctx)).isZero();
            Credentials credentials = ctx.getBean(Credentials.class);
            Directory directory = ctx.getBean(Directory.class);

            assertThat(credentials(ctx, "issue", "coordinator", "--name", " 张三 ", "--email", "Zhang@Example.cn",
                    "--days", "30")).isZero();
            CoordinatorAccount zhang = directory.read().coordinators().getFirst();
            assertThat(zhang.name()).isEqualTo("张三");
            assertThat(zhang.email()).isEqualTo("zhang@example.cn");
            assertThat(CoordinatorAccount.validId(zhang.id())).isTrue();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("已建立统筹人员账号 " + zhang.id());
            String first = token();
            assertThat(credentials.authenticate(first)).isInstanceOfSatisfying(CredentialCheck.Valid.class, v -> {
                assertThat(v.principal().coordinator()).isTrue();
                assertThat(v.principal().accountId()).isEqualTo(zhang.id());
            });

            // again with the same address: the same account, a second link
            out.reset();
            assertThat(credentials(ctx, "issue", "coordinator", "--name", "张三", "--email", "zhang@example.cn",
                    "--days", "30")).isZero();
            assertThat(directory.read().coordinators()).hasSize(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("已有使用该邮箱的统筹人员账号 " + zhang.id());

            // the old form still issues an unnamed coordinator link
            out.reset();
            assertThat(credentials(ctx, "issue", "coordinator", "--days", "30")).isZero();
            assertThat(credentials.authenticate(token())).isInstanceOfSatisfying(CredentialCheck.Valid.class,
                    v -> assertThat(v.principal().accountId()).isNull());

            // refused before anything is written or recorded
            assertThat(credentials(ctx, "issue", "coordinator", "--name", "李四")).isEqualTo(2);
            assertThat(credentials(ctx, "issue", "coordinator", "--name", "李四", "--email", "li at example")).isEqualTo(1);
            assertThat(credentials(ctx, "issue", "donghai", "--name", "李四", "--email", "li@example.cn")).isEqualTo(2);
            assertThat(credentials(ctx, "rotate", "donghai", "--email", "li@example.cn")).isEqualTo(2);
            assertThat(directory.read().coordinators()).hasSize(1);

            assertThat(credentials(ctx, "revoke", first)).isZero();
            assertThat(credentials.authenticate(first)).isInstanceOf(CredentialCheck.Revoked.class);

            List<AuditEntry> trail = trail(ctx);
            assertThat(trail).allSatisfy(e -> assertThat(e.actor()).isEqualTo(Actor.OPERATOR));
            assertThat(trail).extracting(AuditEntry::action).containsExactlyInAnyOrder(AuditAction.COORDINATOR_ADDED,
                    AuditAction.LINK_ISSUED, AuditAction.LINK_ISSUED, AuditAction.LINK_ISSUED,
                    AuditAction.LINK_REVOKED);
            assertThat(trail).filteredOn(e -> e.action() == AuditAction.LINK_REVOKED).singleElement()
                    .satisfies(e -> assertThat(e.target()).isEqualTo("coordinator:" + zhang.id()));
            assertThat(trail).filteredOn(e -> e.action() == AuditAction.LINK_ISSUED).extracting(AuditEntry::target)
                    .containsExactlyInAnyOrder("coordinator:" + zhang.id(), "coordinator:" + zhang.id(),
                            "coordinator:" + Actor.UNNAMED_COORDINATOR);
            assertThat(trail.toString()).doesNotContain(first);
        }
    }

    @Test
    void aPlanLoadSeedsTheDirectoryOnceAndTheImporterResolvesUnitsAgainstIt(Dynalite dynalite,
                                                                           @TempDir Path dir) throws Exception {
        try (ApplicationContext ctx = context(dynalite, "seed")) {
            assertThat(loadPlan(ctx)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("directory: " + UnitRegistry.load().units().size() + " unit profile(s) seeded");
            out.reset();
            assertThat(loadPlan(ctx)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("directory: 0 unit profile(s) seeded");

            Path notice = dir.resolve("notice.txt");
            Files.writeString(notice, cn.lyg.xilian.tools.importer.RepoFiles.read(cn.lyg.xilian.tools.importer.RepoFiles.NOTICE_2026)
                    .replace("市社科联", "市住建局"));
            Path catalog = dir.resolve("catalog.json");
            String[] args = {notice.toString(), "--out", catalog.toString()};
            assertThat(importPlan(args, ImportPlanCommand.registry(ctx))).as("市住建局 is not registered yet")
                    .isEqualTo(ImportPlanCommand.PROBLEMS);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("units: the directory in table");

            ctx.getBean(Directory.class).create(new UnitProfile("shi-zhujianju", "市住建局", UnitKind.CITY_DEPARTMENT,
                    List.of(), List.of("zjj@example.cn"), null, null, true, 1, null, null, List.of(), null));
            err.reset();
            assertThat(importPlan(args, ImportPlanCommand.registry(ctx))).isEqualTo(ImportPlanCommand.OK);
            assertThat(Files.readString(catalog)).contains("shi-zhujianju");

            try (ApplicationContext absent = withAbsentTable(dynalite)) {
                assertThat(importPlan(args, ImportPlanCommand.registry(absent))).isEqualTo(ImportPlanCommand.PROBLEMS);
            }
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("units: the shipped registry functions/core/src/main/resources/catalog/units.csv")
                    .contains("does not exist");
        }
    }

    /** A context on a table that was never created. */
    private static ApplicationContext withAbsentTable(Dynalite dynalite) {
        return ApplicationContext.run(Map.of("xilian.dynamodb.endpoint", dynalite.endpoint().toString(),
                "xilian.dynamodb.table", Dynalite.uniqueTableName("absent"), "xilian.dynamodb.region", "us-east-1"));
    }

    private int importPlan(String[] args, ImportPlanCommand.Registry registry) {
        return ImportPlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), registry);
    }

    private int loadPlan(ApplicationContext ctx) {
        return LoadPlanCommand.run(ctx, List.of(Path.of(System.getProperty("xilian.root", "../.."),
                        "infra/plans/plan-2026.json").toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static List<AuditEntry> trail(ApplicationContext ctx) {
        AuditTrail trail = ctx.getBean(AuditTrail.class);
        AuditLog log = ctx.getBean(AuditLog.class);
        List<AuditEntry> all = new ArrayList<>(log.month(trail.currentMonth()));
        all.addAll(log.month(trail.currentMonth().minusMonths(1))); // a run across a month's end
        return all;
    }
}
