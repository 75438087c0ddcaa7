package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.admin.Administer.UnitInput;
import cn.lyg.xilian.core.progress.Outcome;
import cn.lyg.xilian.web.http.ApiException;
import cn.lyg.xilian.web.http.Outcomes;
import cn.lyg.xilian.web.http.RequestBodies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reading the admin routes' bodies into the use cases' input, and their answers in the API's usual shape. */
final class AdminJson {

    private AdminJson() {
    }

    /** A write's key, once the caller is known to be a coordinator (a unit: 403 whatever it sent). */
    static String key(cn.lyg.xilian.web.http.BearerCaller caller, io.micronaut.http.HttpRequest<?> request) {
        cn.lyg.xilian.web.AdminPages.requireCoordinator(caller);
        return cn.lyg.xilian.web.http.IdempotencyHeader.require(request);
    }

    /** Lists (contacts, aliases) go to the use case one per line, as the form's text areas. */
    static UnitInput unitInput(JsonNode b) {
        return new UnitInput(RequestBodies.text(b, "id"), RequestBodies.text(b, "name"), RequestBodies.text(b, "kind"),
                lines(b, "aliases"), lines(b, "contacts"), RequestBodies.text(b, "liaisonName"),
                RequestBodies.text(b, "liaisonPhone"));
    }

    static long version(JsonNode b) {
        JsonNode v = b.get("version");
        if (v == null || !v.isNumber() || v.getNumberValue().longValue() < 0) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_NOT_A_VALUE", "字段 version 须为读取时的版本号（整数）");
        }
        return v.getNumberValue().longValue();
    }

    private static @Nullable String lines(JsonNode b, String field) {
        JsonNode node = b.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_NOT_A_VALUE", "字段 " + field + " 须为文本数组");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node.values()) {
            if (!item.isString()) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "FIELD_NOT_A_VALUE", "字段 " + field + " 须为文本数组");
            }
            // One entry stays one entry: a line break inside it would split it in two.
            out.add(item.getStringValue().replace('\n', ' ').replace('\r', ' '));
        }
        return String.join("\n", out);
    }

    /** 201 with {@code replayed: false}, 200 with {@code replayed: true}, the item mapped to its view. */
    static <T, V> HttpResponse<?> answer(Outcome<T> outcome, Function<T, V> view) {
        Outcome.Done<T> done = Outcomes.done(outcome);
        Outcomes.Result<V> result = new Outcomes.Result<>(done.replayed(), view.apply(done.value()));
        return done.replayed() ? HttpResponse.ok(result) : HttpResponse.created(result);
    }
}
