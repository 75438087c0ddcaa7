package cn.lyg.xilian.runtime;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.dynamodb.DynamoDbClientFactory;
import cn.lyg.xilian.dynamodb.DynamoProgressRepository;
import cn.lyg.xilian.testkit.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

    private static Object navigationStatus(WebDriver browser) {
        return ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('navigation')[0].responseStatus");
    }

    private static void retype(WebDriver browser, String id, String text) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private static List<cn.lyg.xilian.core.progress.Submission> history() {
        var client = fixture.stage.client();
        return new DynamoProgressRepository(client, DynamoDbClientFactory.enhancedClient(client), fixture.stage.settings())
                .historyOfTask(2026, "2.9");
    }

    @Test
    void aUnitSubmitsTheFormThroughTheLambdaFunctionThenAnInvalidReportKeepsItsInput() {
        String base = front.baseUrl();
        WebDriver browser = chromium.driver();
        browser.get(base + "/login?token=" + fixture.stage.issue(Role.UNIT, "guannan"));
        assertThat(browser.getPageSource()).as("signed in: the cookie came back in the event's cookies array")
                .contains("我的任务").contains("灌南县");

        browser.get(base + "/tasks/2.9");
        assertThat(browser.getTitle()).contains("2.9");
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("推进中");
        browser.findElement(By.id("percent")).sendKeys("40");
        browser.findElement(By.id("figure.t1")).sendKeys("2");
        browser.findElement(By.id("figure.t2")).sendKeys("3.5");
        browser.findElement(By.id("progress")).sendKeys("新材料项目2个已签约，总投资3.5亿元，<b>正在</b>办理用地手续");
        browser.findElement(By.id("problems")).sendKeys("用地指标待省级批复");
        browser.findElement(By.id("nextSteps")).sendKeys("12月底前完成项目备案");
        browser.findElement(By.id("reporter")).sendKeys("李四");
        browser.findElement(By.id("phone")).sendKeys("0518-83212345");
        chromium.screenshot("lambda-form-filled.png");
        chromium.clickAndWaitForNewPage(By.cssSelector("form button[type=submit]"));

        assertThat(navigationStatus(browser)).as(browser.getPageSource()).isEqualTo(200L);
        assertThat(browser.getCurrentUrl()).contains("/submissions/2.9/guannan/");
        assertThat(browser.getPageSource()).contains("已保存").contains("40%")
                .contains("&lt;b&gt;正在&lt;/b&gt;办理用地手续");
        chromium.screenshot("lambda-form-confirmation.png");
        assertThat(history()).singleElement().satisfies(s -> {
            assertThat(s.reporter()).isEqualTo("李四");
            assertThat(s.problems()).isEqualTo("用地指标待省级批复");
        });

        browser.get(base + "/tasks/2.9");
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("滞后");
        retype(browser, "percent", "150");
        retype(browser, "progress", "征地补偿未谈妥");
        chromium.clickAndWaitForNewPage(By.cssSelector("form button[type=submit]"));

        assertThat(navigationStatus(browser)).isEqualTo(422L);
        assertThat(browser.findElement(By.cssSelector("p.err")).getText()).contains("提交未成功");
        assertThat(browser.findElements(By.cssSelector("div.err"))).extracting(e -> e.getText())
                .anySatisfy(t -> assertThat(t).contains("百分比"));
        assertThat(browser.findElement(By.id("percent")).getAttribute("value")).isEqualTo("150");
        assertThat(browser.findElement(By.id("progress")).getAttribute("value")).isEqualTo("征地补偿未谈妥");
        assertThat(new Select(browser.findElement(By.id("status"))).getFirstSelectedOption().getText()).isEqualTo("滞后");
        chromium.screenshot("lambda-form-invalid.png");
        assertThat(history()).hasSize(1);
    }
}
