package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Items as DynamoDB JSON, one item a line (the format of the console and the CLI), in a canonical form: names
 * sorted, string sets sorted, so two tables with the same content give the same lines.
 */
final class StoredItemsJson {

    private StoredItemsJson() {
    }

    static String line(Map<String, AttributeValue> item) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(item).forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(string(name)).append(':').append(value(value));
        });
        return out.append('}').toString();
    }

    static Map<String, AttributeValue> item(String line) {
        return map(JsonNode.parser().parse(line));
    }

    private static String value(AttributeValue v) {
        return switch (v.type()) {
            case S -> "{\"S\":" + string(v.s()) + "}";
            case N -> "{\"N\":" + string(v.n()) + "}";
            case BOOL -> "{\"BOOL\":" + v.bool() + "}";
            case NUL -> "{\"NULL\":true}";
            case SS -> "{\"SS\":[" + String.join(",", v.ss().stream().sorted().map(StoredItemsJson::string).toList()) + "]}";
            case L -> "{\"L\":[" + String.join(",", v.l().stream().map(StoredItemsJson::value).toList()) + "]}";
            case M -> "{\"M\":" + line(v.m()) + "}";
            default -> throw new IllegalArgumentException("not used by the table: " + v);
        };
    }

    private static Map<String, AttributeValue> map(JsonNode node) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        node.asObject().forEach((name, value) -> out.put(name, value(value)));
        return out;
    }

    private static AttributeValue value(JsonNode node) {
        Map.Entry<String, JsonNode> typed = node.asObject().entrySet().iterator().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> AttributeValue.fromS(v.asString());
            case "N" -> AttributeValue.fromN(v.asString());
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" -> AttributeValue.fromSs(v.asArray().stream().map(JsonNode::asString).toList());
            case "L" -> AttributeValue.fromL(v.asArray().stream().map(StoredItemsJson::value).toList());
            case "M" -> AttributeValue.fromM(map(v));
            default -> throw new IllegalArgumentException("not used by the table: " + typed.getKey());
        };
    }

    private static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    static List<String> lines(List<Map<String, AttributeValue>> items) {
        return items.stream().map(StoredItemsJson::line).sorted().toList();
    }
}
