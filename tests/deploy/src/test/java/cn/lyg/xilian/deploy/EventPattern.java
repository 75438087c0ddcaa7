package cn.lyg.xilian.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Iterator;
import java.util.Map;

/**
 * A Lambda event filter pattern (the EventBridge pattern syntax Lambda uses in FilterCriteria), as far as
 * template.yaml uses it: nested objects, lists of allowed literal values, {@code {"prefix": "…"}},
 * {@code {"exists": bool}} and {@code {"anything-but": […]}}. An unknown operator fails loudly, so a
 * template change that this poller cannot honour is noticed.
 */
final class EventPattern {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode pattern;

    EventPattern(String pattern) {
        try {
            this.pattern = JSON.readTree(pattern);
        } catch (Exception e) {
            throw new IllegalArgumentException("filter pattern is not JSON: " + pattern, e);
        }
    }

    boolean matches(JsonNode event) {
        return matches(pattern, event);
    }

    private static boolean matches(JsonNode pattern, JsonNode event) {
        Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode value = event == null ? null : event.get(f.getKey());
            JsonNode rule = f.getValue();
            if (rule.isObject()) {
                if (value == null || !value.isObject() || !matches(rule, value)) {
                    return false;
                }
            } else if (rule.isArray()) {
                if (!anyOf(rule, value)) {
                    return false;
                }
            } else {
                throw new IllegalArgumentException("pattern values must be objects or arrays: " + f);
            }
        }
        return true;
    }

    private static boolean anyOf(JsonNode alternatives, JsonNode value) {
        for (JsonNode alt : alternatives) {
            if (alt.isObject()) {
                Map.Entry<String, JsonNode> op = alt.fields().next();
                boolean ok = switch (op.getKey()) {
                    case "prefix" -> value != null && value.isTextual() && value.asText().startsWith(op.getValue().asText());
                    case "exists" -> (value != null) == op.getValue().asBoolean();
                    case "anything-but" -> value != null && !contains(op.getValue(), value);
                    default -> throw new IllegalArgumentException("filter operator not supported here: " + op.getKey());
                };
                if (ok) {
                    return true;
                }
            } else if (value != null && (alt.equals(value) || alt.isNumber() && value.isNumber()
                    && alt.decimalValue().compareTo(value.decimalValue()) == 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode list, JsonNode value) {
        if (!list.isArray()) {
            return list.equals(value);
        }
        for (JsonNode v : list) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
