package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Credentials;
import cn.lyg.xilian.core.admin.UnitProfile;

/**
 * link-issued.jte: a new sign-in link, shown this once (the answer to the post, never a redirect: the token must not
 * sit in an address or the history); only its hash is stored.
 */
public record LinkIssuedPage(Layout layout, UnitProfile unit, Credentials.Issued issued, String link, boolean rotated)
        implements PageModel, Framed {

    public String expires() {
        return issued.credential().expiresAt() == null ? "不过期" : fmt().time(issued.credential().expiresAt());
    }

    public String unitPath() {
        return AdminUnitsPage.unitPath(unit.id());
    }
}
