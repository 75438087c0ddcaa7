package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import io.micronaut.core.annotation.Nullable;

/** A page in the common frame: its layout's parts under short names for the template. */
public interface Framed {

    Layout layout();

    default Plan plan() {
        return layout().plan();
    }

    default Display fmt() {
        return layout().fmt();
    }

    @Nullable
    default Principal who() {
        return layout().who();
    }
}
