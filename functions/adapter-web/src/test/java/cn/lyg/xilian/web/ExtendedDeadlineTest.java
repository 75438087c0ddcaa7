package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.supervision.Extension;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.core.supervision.Supervise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: once an extension is approved, every page that shows the (task, unit)'s deadline shows the new
 * date with the plan's beside it: the unit's task list, the task page's header and unit block, the board and
 * the coordinators' overview.
 */
class ExtendedDeadlineTest {

    private static final String EXTENDED = "原定12月31日，经批准延期至2027年1月31日";
    @RegisterExtension
    static final TestApp app = TestApp.running();

    @Test
    void theEffectiveDateShowsBesideThePlansWhereverTheUnitsDeadlineShows() {
        String unit = Http.signIn(app.url(""), app.issue(Role.UNIT, "park-huiyu"));
        String coordinator = Http.signIn(app.url(""), app.issue(Role.COORDINATOR, null));
        assertThat(Http.get(app.url("/tasks/2.2"), unit).body())
                .contains("完成时间：<span>2026年12月31日</span>").doesNotContain("经批准延期");

        Supervise supervise = app.ctx.getBean(Supervise.class);
        Outcome<Extension> asked = supervise.requestExtension(app.plan, new Principal(Role.UNIT, "park-huiyu", "h1"),
                "2.2", "2027-01-31", "项目审批延后", "extension-test-1");
        Extension request = ((Outcome.Done<Extension>) asked).value();
        assertThat(supervise.decideExtension(app.plan, new Principal(Role.COORDINATOR, null, "h2"), "2.2",
                "park-huiyu", request.key(), true, null, "同意")).isInstanceOf(Outcome.Done.class);

        assertThat(Http.get(app.url("/tasks/2.2"), unit).body()).as("the header for the unit")
                .contains("完成时间：<span>" + EXTENDED + "</span>");
        assertThat(Http.get(app.url("/"), unit).body()).as("my tasks").contains(EXTENDED);
        assertThat(Http.get(app.url("/board"), unit).body()).as("the unit's board").contains(EXTENDED);
        String overview = Http.get(app.url("/coordinator"), coordinator).body();
        assertThat(overview).as("the coordinators' overview, for that unit only").contains(EXTENDED);
        assertThat(overview.split("经批准延期", -1)).hasSize(2);
        HttpResponse<String> api = Http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/tasks/2.2")))
                .header("Authorization", "Bearer " + app.issue(Role.UNIT, "park-huiyu")).GET().build());
        assertThat(api.body()).as("the API's unit state")
                .contains("\"deadline\":\"2027-01-31\",\"deadlineText\":\"" + EXTENDED + "\"");
        String taskPage = Http.get(app.url("/tasks/2.2"), coordinator).body();
        assertThat(taskPage).as("the plan's date in the header, the unit's in its block")
                .contains("完成时间：<span>2026年12月31日</span>").contains("完成时限：" + EXTENDED);
    }
}
