package cn.lyg.xilian.api;

import cn.lyg.xilian.core.alert.AlertRepository;
import cn.lyg.xilian.core.report.DigestRepository;
import cn.lyg.xilian.core.progress.ProgressRepository;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the API handler's own context starts (cold-start settings). */
class ApiHandlerTest {

    @Test
    void singletonsAreCreatedEagerlyOnlyWhenTheInitIsOffTheRequestPath() {
        assertThat(ApiHandler.eagerInit("snap-start")).isTrue();
        assertThat(ApiHandler.eagerInit("provisioned-concurrency")).isTrue();
        assertThat(ApiHandler.eagerInit("on-demand")).isFalse();
        assertThat(ApiHandler.eagerInit(null)).isFalse(); // outside Lambda
    }

    @Test
    void theApiContextHasNoAlertOrDigestRepositories() {
        // the api's application.yml (xilian.dynamodb.job-repositories: false); the jobs keep them
        try (ApplicationContext ctx = ApplicationContext.builder().properties(Map.of(
                "xilian.dynamodb.table", "t", "xilian.dynamodb.region", "us-east-1", "aws.region", "us-east-1",
                "micronaut.server.port", -1)).environments("function").start()) {
            assertThat(ctx.containsBean(ProgressRepository.class)).isTrue();
            assertThat(ctx.containsBean(AlertRepository.class)).isFalse();
            assertThat(ctx.containsBean(DigestRepository.class)).isFalse();
        }
    }

    @Test
    void theContextStartsFromTheBuildTimeAnalysis() {
        // Micronaut AOT (pom.xml, aot.properties; these tests run with its classes, as the deployed jar does):
        // application.yml arrives as Java, so no YAML loader is looked up or run at start, and its values hold.
        try (ApplicationContext ctx = ApplicationContext.builder().properties(Map.of(
                "xilian.dynamodb.table", "t", "xilian.dynamodb.region", "us-east-1", "aws.region", "us-east-1",
                "micronaut.server.port", -1)).environments("function").start()) {
            assertThat(ctx.getEnvironment().getPropertySourceLoaders())
                    .noneMatch(YamlPropertySourceLoader.class::isInstance);
            assertThat(ctx.getProperty("micronaut.application.name", String.class)).contains("xilian-api");
            assertThat(ctx.getProperty("xilian.dynamodb.job-repositories", Boolean.class)).contains(false);
        }
    }
}
