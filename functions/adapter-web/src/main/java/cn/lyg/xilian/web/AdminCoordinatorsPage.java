package cn.lyg.xilian.web;

import cn.lyg.xilian.core.admin.AdminQueries.CoordinatorRow;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * admin-coordinators.jte: the coordinator accounts, the form to add one and, per account, 发送登录链接 and 移除.
 * {@code added}: the account just added, whose link the page then offers to send.
 */
public record AdminCoordinatorsPage(Layout layout, List<CoordinatorRow> rows, FormState form,
                                    @Nullable String notice, @Nullable String added, String key)
        implements PageModel, Framed {

    public String path(CoordinatorRow row) {
        return "/admin/coordinators/" + Display.pathSegment(row.account().id());
    }

    public boolean justAdded(CoordinatorRow row) {
        return row.account().id().equals(added);
    }

    public String sendKey(CoordinatorRow row) {
        return AdminPages.newKey();
    }
}
