package cn.lyg.xilian.runtime;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.dynamodb.DynamoProgressRepository;
import cn.lyg.xilian.testkit.Chromium;
import cn.lyg.xilian.testkit.TaskForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form in Chromium through the real Lambda function: the API function of template.yaml in the emulator with
 * the runtime interface client, behind the API Gateway front (what infra/bin/lambda-local serves). The browser
 * sends its own headers and cookies; the front turns them into payload 2.0 events. A unit signs in, fills in task
 * 2.9, submits and sees the confirmation; an invalid report comes back as the 422 page with the messages and the
 * typed input kept. Screenshots: tests/runtime/target/screenshots/lambda-*.png.
 */
class FormBrowserRuntimeTest {

    private static RuntimeFixture fixture;
    private static LambdaEmulator api;
    private static ApiGatewayFront front;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        fixture = new RuntimeFixture("runtime-browser");
        api = fixture.start(fixture.function("ApiFunction"), "ApiFunction-browser");
        front = ApiGatewayFront.start(ApiGatewayFront.of(api), 0, System.out);
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (front != null) {
            front.close();
        }
        if (api != null) {
            api.close();
        }
        fixture.stage.close();
    }

    private static List<cn.lyg.xilian.core.progress.Submission> history() {
        var client = fixture.stage.client();
        return new DynamoProgressRepository(client, fixture.stage.settings())
                .historyOfTask(2026, TaskForm.TASK);
    }

    @Test
    void aUnitSubmitsTheFormThroughTheLambdaFunctionThenAnInvalidReportKeepsItsInput() {
        String base = front.baseUrl();
        WebDriver browser = chromium.driver();
        browser.get(base + "/login?token=" + fixture.stage.issue(Role.UNIT, TaskForm.UNIT));
        assertThat(browser.manage().getCookies()).as("the link only asks to confirm").isEmpty();
        chromium.clickAndWaitForNewPage(By.cssSelector("form button[type=submit]"));
        assertThat(browser.getPageSource()).as("signed in: the cookie came back in the event's cookies array")
                .contains("我的任务").contains("灌南县");

        browser.get(base + "/tasks/" + TaskForm.TASK);
        assertThat(browser.getTitle()).contains(TaskForm.TASK);
        TaskForm.fillValid(browser);
        chromium.screenshot("lambda-form-filled.png");
        chromium.clickAndWaitForNewPage(TaskForm.submitButton());

        assertThat(TaskForm.navigationStatus(browser)).as(browser.getPageSource()).isEqualTo(200L);
        assertThat(browser.getCurrentUrl()).contains("/submissions/2.9/guannan/");
        assertThat(browser.getPageSource()).contains("已保存").contains("40%").contains(TaskForm.PROGRESS_ESCAPED);
        chromium.screenshot("lambda-form-confirmation.png");
        assertThat(history()).singleElement().satisfies(s -> {
            assertThat(s.reporter()).isEqualTo(TaskForm.REPORTER);
            assertThat(s.problems()).isEqualTo(TaskForm.PROBLEMS);
        });

        browser.get(base + "/tasks/" + TaskForm.TASK);
        TaskForm.fillInvalid(browser);
        chromium.clickAndWaitForNewPage(TaskForm.submitButton());

        assertThat(TaskForm.navigationStatus(browser)).isEqualTo(422L);
        assertThat(browser.findElement(By.cssSelector("p.err")).getText()).contains("提交未成功");
        assertThat(browser.findElements(By.cssSelector("div.err"))).extracting(e -> e.getText())
                .anySatisfy(t -> assertThat(t).contains("百分比"));
        assertThat(browser.findElement(By.id("percent")).getAttribute("value")).isEqualTo(TaskForm.INVALID_PERCENT);
        assertThat(browser.findElement(By.id("progress")).getAttribute("value")).isEqualTo(TaskForm.INVALID_PROGRESS);
        assertThat(new Select(browser.findElement(By.id("status"))).getFirstSelectedOption().getText()).isEqualTo("滞后");
        chromium.screenshot("lambda-form-invalid.png");
        assertThat(history()).hasSize(1);

        // Sign-out: the function clears the session cookie through the response's cookies array.
        browser.get(base + "/");
        chromium.clickAndWaitForNewPage(By.cssSelector("header form button"));
        assertThat(browser.getCurrentUrl()).endsWith("/signed-out");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("已退出");
        browser.get(base + "/");
        assertThat(TaskForm.navigationStatus(browser)).isEqualTo(401L);
    }
}
