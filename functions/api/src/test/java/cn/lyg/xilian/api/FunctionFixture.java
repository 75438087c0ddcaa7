package cn.lyg.xilian.api;

import cn.lyg.xilian.core.catalog.CatalogJson;
import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.catalog.CatalogRepository;
import cn.lyg.xilian.dynamodb.TableCreator;
import cn.lyg.xilian.testkit.Dynalite;
import io.micronaut.context.ApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The API function as its tests start it: the deployed handler class on a "function" context (as Lambda builds
 * it), a fresh table on the given DynamoDB endpoint, and the 2026 plan loaded.
 */
record FunctionFixture(ApplicationContext ctx, ApiHandler handler, Plan plan) implements AutoCloseable {

    static FunctionFixture start(URI dynamoEndpoint, String tablePrefix, Map<String, Object> extra) throws Exception {
        String table = Dynalite.uniqueTableName(tablePrefix);
        Map<String, Object> p = new HashMap<>();
        p.put("xilian.dynamodb.endpoint", dynamoEndpoint.toString());
        p.put("xilian.dynamodb.table", table);
        p.put("xilian.dynamodb.region", "us-east-1");
        p.put("aws.region", "us-east-1");
        p.put("micronaut.server.port", -1);
        p.putAll(extra);
        ApplicationContext ctx = ApplicationContext.builder().properties(p).environments("function").start();
        ApiHandler handler = new ApiHandler(ctx);
        new TableCreator(ctx.getBean(DynamoDbClient.class)).createIfAbsent(table);
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("xilian.root", "../.."))
                .resolve("infra/plans/plan-2026.json"))) {
            Plan plan = CatalogJson.read(in);
            ctx.getBean(CatalogRepository.class).load(plan);
            return new FunctionFixture(ctx, handler, plan);
        }
    }

    @Override
    public void close() {
        ctx.close();
    }
}
