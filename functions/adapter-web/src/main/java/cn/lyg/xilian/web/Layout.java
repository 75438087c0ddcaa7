package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import io.micronaut.core.annotation.Nullable;

/**
 * What the page frame (fragments/nav.jte) and most pages read: the plan, the formatter, who is signed in (null on
 * public pages, which show no navigation) and the session's CSRF token for the header's sign-out form.
 */
public record Layout(Plan plan, Display fmt, @Nullable Principal who, @Nullable String csrf) {

    public boolean signedIn() {
        return who != null;
    }
}
