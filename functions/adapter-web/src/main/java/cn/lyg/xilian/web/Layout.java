package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import io.micronaut.core.annotation.Nullable;

/**
 * What the page frame (fragments/nav.jte) and most pages read: the plan, the formatter, who is signed in (null on
 * public pages, which show no navigation), the session's CSRF token for the header's sign-out form and, for a
 * coordinator, how many things wait in the 待办 (null for a unit).
 */
public record Layout(Plan plan, Display fmt, @Nullable Principal who, @Nullable String csrf,
                     @Nullable Integer waiting, YearView years) {

    /** A frame of the plan's year alone (no switcher). */
    public Layout(Plan plan, Display fmt, @Nullable Principal who, @Nullable String csrf, @Nullable Integer waiting) {
        this(plan, fmt, who, csrf, waiting, YearView.only(plan.year()));
    }

    public boolean signedIn() {
        return who != null;
    }
}
