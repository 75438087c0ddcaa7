package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.audit.AuditAction;
import cn.lyg.xilian.core.audit.AuditTrail;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpStatus;

import java.time.YearMonth;
import java.util.List;

/**
 * 操作留痕's filter from GET parameters (the page, its .xlsx and the JSON API): {@code month=YYYY-MM} (default: the
 * current month, Asia/Shanghai), {@code actor} (an account or unit id), {@code action} (an {@link AuditAction} name),
 * {@code target} (text the target contains). Anything malformed, or a parameter given twice, is a 400.
 */
public final class AuditParams {

    private static final java.util.regex.Pattern ACTOR = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    public static final int MAX_TARGET = 100;

    private AuditParams() {
    }

    public static AuditTrail.Filter parse(HttpParameters params, YearMonth current) {
        String month = one(params, "month");
        String actor = one(params, "actor");
        String action = one(params, "action");
        String target = one(params, "target");
        YearMonth m = current;
        if (month != null && !month.isEmpty()) {
            if (!month.matches("20[0-9]{2}-(0[1-9]|1[0-2])")) {
                throw bad("月份须为 YYYY-MM，如 2026-12");
            }
            m = YearMonth.parse(month);
        }
        if (actor != null && !actor.isEmpty() && !ACTOR.matcher(actor).matches()) {
            throw bad("操作人编号不正确");
        }
        AuditAction a = null;
        if (action != null && !action.isEmpty()) {
            a = java.util.Arrays.stream(AuditAction.values()).filter(x -> x.name().equals(action)).findFirst()
                    .orElseThrow(() -> bad("操作类别不是所列之一"));
        }
        if (target != null && target.length() > MAX_TARGET) {
            throw bad("对象筛选不能超过 " + MAX_TARGET + " 个字符");
        }
        return new AuditTrail.Filter(m, actor == null || actor.isEmpty() ? null : actor, a,
                target == null || target.isBlank() ? null : target.strip());
    }

    private static @Nullable String one(HttpParameters params, String name) {
        List<String> all = params.getAll(name);
        if (all.size() > 1) {
            throw bad("筛选条件 " + name + " 只能出现一次");
        }
        return all.isEmpty() ? null : all.get(0);
    }

    private static ApiException bad(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "BAD_FILTER", message);
    }
}
