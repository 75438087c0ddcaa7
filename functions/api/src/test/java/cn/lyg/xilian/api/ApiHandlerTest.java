package cn.lyg.xilian.api;

import cn.lyg.xilian.core.alert.AlertRepository;
import cn.lyg.xilian.core.report.DigestRepository;
import cn.lyg.xilian.core.progress.ProgressRepository;
import cn.lyg.xilian.web.BoardController;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextConfiguration;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the API handler's own context starts (cold-start settings). */
class ApiHandlerTest {

    /** The table's settings as the function's environment gives them; a local endpoint nothing listens on. */
    private static final Map<String, Object> SETTINGS = Map.of("xilian.dynamodb.table", "t",
            "xilian.dynamodb.region", "us-east-1", "aws.region", "us-east-1",
            "xilian.dynamodb.endpoint", "http://127.0.0.1:9", "micronaut.server.port", -1);

    @Test
    void singletonsAreCreatedEagerlyOnlyWhenTheInitIsOffTheRequestPath() {
        assertThat(eagerAnnotated("snap-start")).contains(Singleton.class);
        assertThat(eagerAnnotated("provisioned-concurrency")).contains(Singleton.class);
        assertThat(eagerAnnotated("on-demand")).isEmpty();
        assertThat(eagerAnnotated(null)).isEmpty(); // outside Lambda
        for (String type : new String[]{"snap-start", "on-demand"}) {
            assertThat(((ApplicationContextConfiguration) ApiHandler.contextBuilder(type)).getEnvironments())
                    .containsExactly("function", "lambda");
        }
    }

    @Test
    void anOnDemandStartCreatesOnlyContextScopedBeans() {
        try (ApplicationContext ctx = ApiHandler.contextBuilder("on-demand").properties(SETTINGS).start()) {
            // a controller is a singleton nothing at start needs: created by the first request that routes to it
            assertThat(ctx.getActiveBeanRegistrations(BoardController.class)).isEmpty();
            assertThat(ctx.getBean(BoardController.class)).isNotNull();
            assertThat(ctx.getActiveBeanRegistrations(BoardController.class)).hasSize(1);
        }
    }

    @Test
    void anOnDemandStartBuildsTheDynamoDbClientOnASecondThread() throws InterruptedException {
        try (ApplicationContext ctx = ApiHandler.contextBuilder("on-demand").properties(SETTINGS).start()) {
            // nothing asks for the client: DynamoDbClientEarlyStart (@Parallel) has it built off the invoking thread
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (ctx.getActiveBeanRegistrations(DynamoDbClient.class).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(ctx.getActiveBeanRegistrations(DynamoDbClient.class)).hasSize(1);
        }
    }

    private static java.util.Set<Class<? extends java.lang.annotation.Annotation>> eagerAnnotated(String type) {
        return ((ApplicationContextConfiguration) ApiHandler.contextBuilder(type)).getEagerInitAnnotated();
    }

    @Test
    void theApiContextHasNoAlertOrDigestRepositories() {
        // the api's application.yml (xilian.dynamodb.job-repositories: false); the jobs keep them
        try (ApplicationContext ctx = ApplicationContext.builder().properties(SETTINGS).environments("function")
                .start()) {
            assertThat(ctx.containsBean(ProgressRepository.class)).isTrue();
            assertThat(ctx.containsBean(AlertRepository.class)).isFalse();
            assertThat(ctx.containsBean(DigestRepository.class)).isFalse();
        }
    }

    @Test
    void theContextStartsFromTheBuildTimeAnalysis() {
        // Micronaut AOT (pom.xml, aot.properties; these tests run with its classes, as the deployed jar does):
        // application.yml arrives as Java, so no YAML loader is looked up or run at start, and its values hold.
        try (ApplicationContext ctx = ApplicationContext.builder().properties(SETTINGS).environments("function")
                .start()) {
            assertThat(ctx.getEnvironment().getPropertySourceLoaders())
                    .noneMatch(YamlPropertySourceLoader.class::isInstance);
            assertThat(ctx.getProperty("micronaut.application.name", String.class)).contains("xilian-api");
            assertThat(ctx.getProperty("xilian.dynamodb.job-repositories", Boolean.class)).contains(false);
        }
    }
}
