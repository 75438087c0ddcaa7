package cn.lyg.xilian.web;

import cn.lyg.xilian.core.access.Principal;
import cn.lyg.xilian.core.catalog.Plan;
import io.micronaut.core.annotation.Nullable;

import java.util.HashMap;
import java.util.Map;

/** What every page's layout reads: the plan, the formatter and who is signed in (the view's records go beside). */
final class ViewModels {

    private ViewModels() {
    }

    static Map<String, Object> base(Plan plan, @Nullable Principal who, Display display) {
        Map<String, Object> model = new HashMap<>();
        model.put("plan", plan);
        model.put("fmt", display);
        model.put("who", who); // null on public pages
        model.put("signedIn", who != null);
        return model;
    }
}
