package cn.lyg.xilian.web.api;

import cn.lyg.xilian.core.progress.FieldError;
import cn.lyg.xilian.core.progress.ProgressInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A progress report's JSON body as typed: values stay strings, what is not a value becomes a read error. */
final class ReportJson {

    /** The body's fields (as documented); any other top-level field is refused (400 UNKNOWN_FIELD), never ignored. */
    static final Set<String> FIELDS = ApiBodies.fields(ApiBodies.ProgressReport.class);

    private ReportJson() {
    }

    static ProgressInput input(JsonNode body, @Nullable String idempotencyKey) {
        Map<String, String> figures = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        JsonNode f = body.get("figures");
        if (f != null && !f.isNull()) {
            if (!f.isObject()) {
                errors.add(new FieldError("figures", "FIGURES_NOT_AN_OBJECT", "figures 须为“指标编号: 数值”的对象"));
            } else {
                for (Map.Entry<String, JsonNode> e : f.entries()) {
                    figures.put(e.getKey(), scalar(e.getValue(), "figures." + e.getKey(), errors));
                }
            }
        }
        return ProgressInput.read(name -> scalar(body.get(name), name, errors), figures, idempotencyKey, errors);
    }

    /** Strings and numbers are taken as typed; SubmitProgress decides what they mean. */
    @Nullable
    private static String scalar(@Nullable JsonNode node, String field, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isNumber()) {
            return node.getNumberValue().toString();
        }
        if (node.isBoolean()) {
            return String.valueOf(node.getBooleanValue());
        }
        errors.add(new FieldError(field, "FIELD_NOT_A_VALUE", "字段 " + field + " 须为文本或数字"));
        return null;
    }
}
