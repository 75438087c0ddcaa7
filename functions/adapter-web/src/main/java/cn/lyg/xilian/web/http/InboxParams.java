package cn.lyg.xilian.web.http;

import cn.lyg.xilian.core.view.InboxFilter;
import io.micronaut.http.HttpParameters;

/** The 待办's filters from a query string, each single-valued as the board's ({@link BoardParams}). */
public final class InboxParams {

    private InboxParams() {
    }

    public static InboxFilter parse(HttpParameters parameters) {
        return InboxFilter.parse(BoardParams.single(parameters, "unit"), BoardParams.single(parameters, "section"),
                BoardParams.single(parameters, "kind"));
    }
}
