package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 of an item's attributes in a canonical form (map keys sorted, every value tagged with
 * its type and length-prefixed), so the same content always gives the same hash regardless of map
 * iteration order. The hash attribute itself is left out.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(Map<String, AttributeValue> item, String hashAttribute) {
        TreeMap<String, AttributeValue> sorted = new TreeMap<>(item);
        sorted.remove(hashAttribute);
        StringBuilder canonical = new StringBuilder();
        appendMap(canonical, sorted);
        return sha256(canonical.toString());
    }

    private static void appendMap(StringBuilder out, Map<String, AttributeValue> map) {
        out.append("M{");
        new TreeMap<>(map).forEach((name, value) -> {
            appendString(out, name);
            append(out, value);
        });
        out.append('}');
    }

    private static void append(StringBuilder out, AttributeValue value) {
        switch (value.type()) {
            case S -> appendTagged(out, "S", value.s());
            case N -> appendTagged(out, "N", value.n());
            case BOOL -> appendTagged(out, "BOOL", value.bool().toString());
            case NUL -> out.append("NULL;");
            case B -> appendTagged(out, "B", HexFormat.of().formatHex(value.b().asByteArray()));
            case SS -> appendList(out, "SS", value.ss().stream().sorted().toList());
            case NS -> appendList(out, "NS", value.ns().stream().sorted().toList());
            case BS -> appendList(out, "BS", value.bs().stream().map(SdkBytes::asByteArray)
                    .map(HexFormat.of()::formatHex).sorted().toList());
            case L -> {
                out.append("L[");
                value.l().forEach(element -> append(out, element));
                out.append(']');
            }
            case M -> appendMap(out, value.m());
            default -> throw new IllegalArgumentException("Unsupported attribute type " + value.type());
        }
    }

    private static void appendList(StringBuilder out, String tag, List<String> values) {
        out.append(tag).append('[');
        values.forEach(v -> appendString(out, v));
        out.append(']');
    }

    private static void appendTagged(StringBuilder out, String tag, String text) {
        out.append(tag);
        appendString(out, text);
    }

    private static void appendString(StringBuilder out, String text) {
        out.append(text.length()).append(':').append(text).append(';');
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
