package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Role;
import cn.lyg.xilian.core.access.CredentialRepository;
import cn.lyg.xilian.core.access.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The form flow over real HTTP: sign in, list, submit, invalid submit keeps input, confirmation. */
class FormFlowTest {

    @RegisterExtension
    static final TestApp app = TestApp.running();

    private String signIn(String token) {
        return Http.signIn(app.url(""), token);
    }

    @Test
    void signInListSubmitInvalidKeepsInputThenConfirm() {
        String cookie = signIn(app.issue(Role.UNIT, "park-huiyu"));

        HttpResponse<String> home = Http.get(app.url("/"), cookie);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("我的任务").contains("2.2").contains("未填报").doesNotContain(">1.1<");

        HttpResponse<String> page = Http.get(app.url("/tasks/2.2"), cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, String> form = new HashMap<>(Http.inputs(page.body()));
        assertThat(form).containsKeys("_csrf", "idempotencyKey", "figure.t1");

        form.put("status", "IN_PROGRESS");
        form.put("percent", "150");
        form.put("progress", "已签约项目<script>alert(1)</script>三个");
        form.put("figure.t1", "abc");
        HttpResponse<String> invalid = Http.postForm(app.url("/tasks/2.2"), cookie, form);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("完成百分比须在0到100之间").contains("须填写数字")
                .contains("已签约项目&lt;script&gt;alert(1)&lt;/script&gt;三个").doesNotContain("<script>");
        assertThat(app.history("2.2")).isEmpty();

        form.put("percent", "40");
        form.put("figure.t1", "3");
        form.put("reporter", "张三");
        form.put("phone", "0518-85800000");
        HttpResponse<String> ok = Http.postForm(app.url("/tasks/2.2"), cookie, form);
        assertThat(ok.statusCode()).isEqualTo(303);
        String location = ok.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith("/submissions/2.2/park-huiyu/");

        // A double submit of the same form stores once and leads to the same confirmation.
        HttpResponse<String> again = Http.postForm(app.url("/tasks/2.2"), cookie, form);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("location")).contains(location);
        assertThat(app.history("2.2")).hasSize(1);

        HttpResponse<String> confirmation = Http.get(app.url(location), cookie);
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("已保存").contains("推进中").contains("40%").contains("张三")
                .contains("已签约项目&lt;script&gt;alert(1)&lt;/script&gt;三个").doesNotContain("<script>");
        assertThat(app.history("2.2").get(0).progress()).isEqualTo("已签约项目<script>alert(1)</script>三个");

        HttpResponse<String> after = Http.get(app.url("/"), cookie);
        assertThat(after.body()).contains("推进中").contains("40%");
    }

    @Test
    void csrfMissingOrForgedIsRefusedAndStoresNothing() {
        String cookie = signIn(app.issue(Role.UNIT, "guannan"));
        Map<String, String> form = new HashMap<>(Http.inputs(Http.get(app.url("/tasks/2.7"), cookie).body()));
        form.put("status", "推进中");
        form.put("percent", "10");
        form.put("progress", "进展");
        Map<String, String> missing = new HashMap<>(form);
        missing.remove("_csrf");
        assertThat(Http.postForm(app.url("/tasks/2.7"), cookie, missing).statusCode()).isEqualTo(403);
        Map<String, String> forged = new HashMap<>(form);
        forged.put("_csrf", Tokens.sha256Hex("csrf:" + Tokens.newToken()));
        HttpResponse<String> r = Http.postForm(app.url("/tasks/2.7"), cookie, forged);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("CSRF");
        // Another unit's valid CSRF token does not work either: it is bound to the credential.
        String other = signIn(app.issue(Role.UNIT, "donghai"));
        assertThat(Http.postForm(app.url("/tasks/2.7"), other, form).statusCode()).isEqualTo(403);
        assertThat(app.history("2.7")).isEmpty();
    }

    @Test
    void accessRulesOnPages() {
        String unit = signIn(app.issue(Role.UNIT, "guannan"));
        assertThat(Http.get(app.url("/tasks/2.2"), unit).statusCode()).isEqualTo(403);
        assertThat(Http.get(app.url("/tasks/9.9"), unit).statusCode()).isEqualTo(404);
        assertThat(Http.get(app.url("/coordinator"), unit).statusCode()).isEqualTo(403);
        assertThat(Http.get(app.url("/"), null).statusCode()).isEqualTo(401);
        assertThat(Http.get(app.url("/catalog"), null).body()).contains("按责任单位").contains("灌南县");

        String coordinator = signIn(app.issue(Role.COORDINATOR, null));
        assertThat(Http.get(app.url("/"), coordinator).statusCode()).isEqualTo(303);
        HttpResponse<String> board = Http.get(app.url("/coordinator"), coordinator);
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("全部任务进度").contains("3.6.5").contains("无锡工作队");
    }

    @Test
    void forgedExpiredAndRevokedCredentialsAreRefused() {
        assertThat(Http.get(app.url("/login?token=" + Tokens.newToken()), null).statusCode()).isEqualTo(401);
        assertThat(Http.get(app.url("/login?token=abc"), null).body()).contains("凭据无效");

        String token = app.issue(Role.UNIT, "guannan");
        String cookie = signIn(token);
        app.ctx.getBean(CredentialRepository.class).revoke(Tokens.sha256Hex(token), Instant.now());
        HttpResponse<String> r = Http.get(app.url("/"), cookie);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("凭据已被吊销");

        String expired = Tokens.newToken();
        app.ctx.getBean(CredentialRepository.class).create(new cn.lyg.xilian.core.access.Credential(
                Tokens.sha256Hex(expired), Role.UNIT, "guannan", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z"), null));
        HttpResponse<String> e = Http.get(app.url("/login?token=" + expired), null);
        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(e.body()).contains("凭据已过期");
    }

    /**
     * A form's post address opened with GET goes back to the task page; an unknown address is a Chinese page in the
     * site's frame (the navigation when signed in) with no error code in its text; the plan signed in has the
     * navigation too.
     */
    @Test
    void formAddressesOpenedAgainAndUnknownAddressesAnswerInChinese() {
        String cookie = signIn(app.issue(Role.UNIT, "park-huiyu"));
        for (String path : List.of("/tasks/2.2/reviews", "/tasks/2.2/extensions", "/tasks/2.2/extensions/u/k",
                "/tasks/2.2/instructions", "/tasks/2.2/reports/k/evidence")) {
            HttpResponse<String> r = Http.get(app.url(path), cookie);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("location")).as(path).hasValue("/tasks/2.2");
        }
        assertThat(Http.get(app.url("/tasks/2.2.x/reviews"), cookie).statusCode()).isEqualTo(404);
        assertThat(Http.get(app.url("/logout"), cookie).headers().firstValue("location")).hasValue("/");

        HttpResponse<String> missing = Http.get(app.url("/no/such/page"), cookie);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("页面不存在", "action=\"/logout\"", "href=\"/board\"", "data-code=\"NOT_FOUND\"")
                .doesNotContain("错误代码", ">NOT_FOUND<");
        HttpResponse<String> notAllowed = Http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(app.url("/tasks/2.2"))).DELETE().header("Cookie", cookie).build());
        assertThat(notAllowed.statusCode()).isEqualTo(405);
        assertThat(notAllowed.body()).contains("无法打开该地址", "action=\"/logout\"").doesNotContain(">METHOD_NOT_ALLOWED<");
        HttpResponse<String> anonymous = Http.get(app.url("/no/such/page"), null);
        assertThat(anonymous.body()).contains("页面不存在", "href=\"/catalog\"").doesNotContain("action=\"/logout\"");

        assertThat(Http.get(app.url("/catalog"), cookie).body()).contains("action=\"/logout\"", "href=\"/board\"");
        assertThat(Http.get(app.url("/catalog"), null).body()).doesNotContain("action=\"/logout\"");
    }
}
