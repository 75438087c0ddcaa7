package cn.lyg.xilian.jobs;

import cn.lyg.xilian.email.EmailSettings;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs' application.yml as infra/bin/job and the Lambda read it. Micronaut reads a colon inside a
 * placeholder's default as a chain of fallbacks ({@code ${A:http://x:8080}} is A, else property "http//x",
 * else "8080"): a URL default must be quoted with backticks. Seen as "8080/tasks/1.1" in every email.
 */
class PlaceholderDefaultsTest {

    @Test
    void withoutPublicBaseUrlTheLinksPointAtTheLocalRun() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("aws.region", "cn-north-1"))) {
            assertThat(context.getProperty("xilian.base-url", String.class)).contains("http://localhost:8080");
            assertThat(context.getBean(EmailSettings.class).baseUrl()).isEqualTo("http://localhost:8080");
        }
    }

    @Test
    void publicBaseUrlFromTheEnvironmentWins() {
        // The placeholder names the environment variable; a property of the same name resolves it the same way.
        try (ApplicationContext context = ApplicationContext.run(Map.of("aws.region", "cn-north-1",
                "PUBLIC_BASE_URL", "https://xilian.lyg.gov.cn/"))) {
            assertThat(context.getBean(EmailSettings.class).baseUrl()).isEqualTo("https://xilian.lyg.gov.cn");
        }
    }
}
