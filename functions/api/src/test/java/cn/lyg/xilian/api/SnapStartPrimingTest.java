package cn.lyg.xilian.api;

import cn.lyg.xilian.wiring.CatalogJson;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.AwsCallRecorder;
import cn.lyg.xilian.testkit.Dynalite;
import cn.lyg.xilian.testkit.DynaliteExtension;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SnapStart priming against dynalite: it reads the plan header and queries the plan, renders, serialises, sends a
 * request without credential through the pipeline (refused), and stays declared.
 */
@ExtendWith(DynaliteExtension.class)
class SnapStartPrimingTest {

    @Test
    void primesDynamoDbViewsAndJsonWithDeclaredCallsOnly(Dynalite dynalite) throws Exception {
        String table = Dynalite.uniqueTableName("prime");
        try (ApplicationContext ctx = ApplicationContext.builder().properties(Map.of(
                "xilian.dynamodb.endpoint", dynalite.endpoint().toString(),
                "xilian.dynamodb.table", table,
                "xilian.dynamodb.region", "us-east-1",
                "aws.region", "us-east-1",
                "micronaut.server.port", -1)).environments("function").start()) {
            new TableCreator(ctx.getBean(DynamoDbClient.class)).createIfAbsent(table);
            // @Context: created at start-up, i.e. during Lambda's init phase, before the snapshot.
            SnapStartPriming priming = ctx.getBean(SnapStartPriming.class);

            SnapStartPriming.Primed empty = AwsCallRecorder.during(priming::prime);
            assertThat(empty.schemas()).as("every item type's schema, built").isGreaterThan(10);
            assertThat(empty.planHeaderFound()).isFalse();
            assertThat(empty.planItems()).isZero();
            assertThat(empty.unauthenticatedStatus()).isEqualTo(401);

            try (InputStream in = Files.newInputStream(Path.of(System.getProperty("xilian.root", "../.."))
                    .resolve("infra/plans/plan-2026.json"))) {
                ctx.getBean(CatalogRepository.class).load(CatalogJson.read(in));
            }
            SnapStartPriming.Primed primed = AwsCallRecorder.during(priming::prime);
            assertThat(primed.planHeaderFound()).isTrue();
            assertThat(primed.planItems()).isEqualTo(1);
            assertThat(primed.unauthenticatedStatus()).isEqualTo(401);
            assertThat(primed.htmlChars()).isGreaterThan(200);
            assertThat(primed.jsonChars()).isGreaterThan(10);
            assertThat(AwsCallRecorder.recorded()).contains("dynamodb:GetItem", "dynamodb:Query");
            assertThat(AwsCallRecorder.declared("api")).containsAll(AwsCallRecorder.recorded());
        }
    }
}
