package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.catalog.Plan;
import cn.lyg.xilian.core.view.BoardQuery;
import cn.lyg.xilian.core.view.Refused;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;

import java.util.List;

/**
 * The board's filters from a query string. Each is single-valued: a repeated one ({@code light=RED&light=GREEN})
 * is refused (400) in every runtime alike, rather than one runtime joining the values and another keeping the
 * first.
 */
public final class BoardParams {

    private BoardParams() {
    }

    public static BoardQuery parse(Plan plan, HttpParameters parameters) {
        return BoardQuery.parse(plan, single(parameters, "section"), single(parameters, "field"),
                single(parameters, "unit"), single(parameters, "light"), single(parameters, "sort"),
                single(parameters, "review"));
    }

    /** The parameter's one value, null when absent; refused when repeated. */
    static @Nullable String single(HttpParameters parameters, String name) {
        List<String> values = parameters.getAll(name);
        if (values.size() > 1) {
            throw Refused.badFilter("筛选条件“" + name + "”只能有一个值，收到" + values.size() + "个");
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
