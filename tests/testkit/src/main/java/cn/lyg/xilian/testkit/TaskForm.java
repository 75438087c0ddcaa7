package cn.lyg.xilian.testkit;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The progress form of task 2.9 as 灌南县's liaison fills it in, for the browser tests of every way the system
 * runs (the local Netty run, the Lambda function behind the API Gateway front): the same typing, the same text.
 */
public final class TaskForm {

    public static final String TASK = "2.9";
    public static final String UNIT = "guannan";
    public static final String PROGRESS = "新材料项目2个已签约，总投资3.5亿元，<b>正在</b>办理用地手续";
    /** {@link #PROGRESS} as the confirmation page must show it (escaped, never markup). */
    public static final String PROGRESS_ESCAPED = "&lt;b&gt;正在&lt;/b&gt;办理用地手续";
    public static final String PROBLEMS = "用地指标待省级批复";
    public static final String REPORTER = "李四";
    public static final String INVALID_PERCENT = "150";
    public static final String INVALID_PROGRESS = "征地补偿未谈妥";

    private TaskForm() {
    }

    /** On the task page: a valid report (推进中, 40 % typed "40%" as people write it, both figures, every text field). */
    public static void fillValid(WebDriver browser) {
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("推进中");
        browser.findElement(By.id("percent")).sendKeys("40%");
        browser.findElement(By.id("figure.t1")).sendKeys("2");
        browser.findElement(By.id("figure.t2")).sendKeys("3.5");
        browser.findElement(By.id("progress")).sendKeys(PROGRESS);
        browser.findElement(By.id("problems")).sendKeys(PROBLEMS);
        browser.findElement(By.id("nextSteps")).sendKeys("12月底前完成项目备案");
        browser.findElement(By.id("reporter")).sendKeys(REPORTER);
        browser.findElement(By.id("phone")).sendKeys("0518-83212345");
    }

    /** On the task page (which starts from the unit's last report): 滞后 with a percent out of range. */
    public static void fillInvalid(WebDriver browser) {
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("滞后");
        retype(browser, "percent", INVALID_PERCENT);
        retype(browser, "progress", INVALID_PROGRESS);
    }

    public static void retype(WebDriver browser, String id, String text) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(text);
    }

    /** The HTTP status of the page now shown (Navigation Timing; WebDriver's script runs outside the page's CSP). */
    public static Object navigationStatus(WebDriver browser) {
        return ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('navigation')[0].responseStatus");
    }

    public static By submitButton() {
        return By.cssSelector("form button[type=submit]");
    }
}
