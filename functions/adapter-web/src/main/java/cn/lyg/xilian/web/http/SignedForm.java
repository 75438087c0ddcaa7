package cn.lyg.xilian.web.http;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A form posted from one of our pages (application/x-www-form-urlencoded) by a signed-in browser, checked in this
 * order: the session (401), the body read strictly as UTF-8 ({@link RequestBodies#form}, 400/413), then where it
 * comes from and its {@code _csrf} token (403).
 */
public record SignedForm(SessionCaller caller, Map<String, List<String>> fields) {

    /** The field's first value, or null. */
    @Nullable
    public String get(String name) {
        return RequestBodies.first(fields, name);
    }
}
