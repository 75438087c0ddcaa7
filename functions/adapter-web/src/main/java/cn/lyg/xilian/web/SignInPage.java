package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.ReturnPath;
import cn.lyg.xilian.core.catalog.PlanTask;
import cn.lyg.xilian.core.catalog.Unit;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * signin.jte: a page that needs a session, opened without one. Says whose page it is when it can, how to sign in,
 * and offers "把登录链接发到本单位邮箱". Served at {@code /signin} and, with status 401 and the refusal's reason, in
 * place of any page refused for want of a session (ApiExceptionHandler). {@code sent}: the request was taken (the same answer for every unit and
 * address); {@code error}: the entry's or the rate's refusal, in Chinese.
 */
public record SignInPage(Layout layout, @Nullable ReturnPath next, boolean sent, @Nullable String error,
                         @Nullable Refusal refusal) implements PageModel {

    /** Why the page was refused (401): the Chinese reason shown, the stable code kept in an attribute only. */
    public record Refusal(String message, String code) {
    }

    public SignInPage(Layout layout, @Nullable ReturnPath next, boolean sent, @Nullable String error) {
        this(layout, next, sent, error, null);
    }

    /** "任务 1.1「…」的填报页面，需要登录" for a task page; a plainer sentence otherwise. */
    public String heading() {
        if (next == null) {
            return "请登录";
        }
        String path = next.value();
        if (next.taskId().isPresent()) {
            String id = next.taskId().get();
            return "任务 " + id + layout.plan().task(id).map(PlanTask::title).map(t -> "「" + t + "」").orElse("")
                    + " 的填报页面，需要登录";
        }
        if (path.startsWith("/board")) {
            return "进度看板需要登录";
        }
        if (path.startsWith("/coordinator")) {
            return "统筹页面需要登录";
        }
        return "我的任务需要登录";
    }

    /** The hidden field's value: the checked return path, or empty. */
    public String nextValue() {
        return next == null ? "" : next.value();
    }

    public List<Unit> units() {
        return layout.plan().units();
    }

    public String errorText() {
        return error == null ? "" : error;
    }
}
