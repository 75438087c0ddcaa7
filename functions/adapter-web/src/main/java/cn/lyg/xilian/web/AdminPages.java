package cn.lyg.xilian.web;

import cn.lyg.xilian.core.admin.AdminQueries;
import cn.lyg.xilian.core.admin.AdminQueries.UnitDetail;
import cn.lyg.xilian.core.admin.Administer.UnitInput;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.Caller;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.Pages;
import cn.lyg.xilian.web.http.SessionCaller;
import cn.lyg.xilian.web.http.SignedForm;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * What the pages of 单位与账号管理 and 操作留痕 share: coordinators only (a unit gets the Chinese 403 page, no session
 * the sign-in page, as on the other coordinator pages), the read model, and the answer to a form: a redirect with a
 * notice named by a fixed word ({@code ?done=saved}; the page says it in Chinese, nothing typed travels in the address)
 * or the page again with the form as typed.
 */
@Singleton
public class AdminPages {

    /** The notices a redirect may name, and what the page then says. */
    private static final Map<String, String> NOTICES = Map.of(
            "added", "已新增。", "saved", "已保存。", "sent", "登录链接已发送到登记的邮箱。",
            "revoked", "链接已撤销：用它登录的会话在下次访问时结束。", "activated", "已启用。",
            "deactivated", "已停用。", "removed", "已移除，其登录链接已全部撤销。",
            "robot-saved", "群机器人已保存。提醒将同时发往该群和邮箱。", "robot-removed", "群机器人已移除：该群今后只收邮件。");

    private final AdminQueries queries;
    private final Pages pages;

    public AdminPages(AdminQueries queries, Pages pages) {
        this.queries = queries;
        this.pages = pages;
    }

    public AdminQueries queries() {
        return queries;
    }

    public Pages pages() {
        return pages;
    }

    /** 403 for a unit, with the same words as the use cases'. */
    public static void requireCoordinator(Caller caller) {
        if (!caller.who().coordinator()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "COORDINATOR_ONLY", "仅市发改委统筹人员可以管理单位与账号");
        }
    }

    public Layout layout(SessionCaller caller) {
        requireCoordinator(caller);
        return pages.layout(caller);
    }

    /** A fresh idempotency key for one form of a page (a retried post of that form is one action). */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    public static @Nullable String notice(@Nullable String done) {
        return done == null ? null : NOTICES.get(done);
    }

    /** The use case's value once done (a refusal or a conflict: the usual error page). */
    public static <T> T done(Outcome<T> outcome) {
        return Outcomes.done(outcome).value();
    }

    public static HttpResponse<?> redirect(String path, String done) {
        return HttpResponse.seeOther(URI.create(path + "?done=" + done));
    }

    /** The unit of a page of 单位与账号管理 (404 for an id outside the grammar or unknown). */
    public UnitDetail unit(SessionCaller caller, String unitId) {
        requireCoordinator(caller);
        return queries.unit(caller.plan().year(), unitId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "UNKNOWN_UNIT", "没有这个单位"));
    }

    /** The unit form again as typed, its errors in place (the add-unit form when {@code detail} is null). */
    public HttpResponse<?> unitFormFailed(SignedForm f, @Nullable UnitDetail detail, Outcome.Invalid<?> invalid) {
        FormState form = FormState.failed(detail == null ? FormState.Form.NEW_UNIT : FormState.Form.UNIT,
                detail == null ? null : detail.row().unit().id(), f.fields(), invalid.errors());
        return pages.render(HttpStatus.UNPROCESSABLE_ENTITY, AdminUnitPage.of(layout(f.caller()), detail, form, null));
    }

    /** The version the form was filled from; a missing or malformed one never matches a stored version. */
    public static long version(SignedForm f) {
        String v = f.get("version");
        return v != null && v.matches("[0-9]{1,12}") ? Long.parseLong(v) : -1;
    }

    public static UnitInput unitInput(SignedForm f) {
        return new UnitInput(f.get("id"), f.get("name"), f.get("kind"), f.get("aliases"), f.get("contacts"),
                f.get("liaisonName"), f.get("liaisonPhone"));
    }
}
