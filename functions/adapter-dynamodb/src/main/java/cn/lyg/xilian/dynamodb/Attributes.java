package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Typed reads and writes of item attributes, the one helper every mapper uses: a mapper is then one line per
 * attribute in each direction, with the storage conventions in one place —
 * <ul>
 *   <li>an absent value is an absent attribute (DynamoDB has no empty sets; the mappers decide about empty
 *   lists and maps, which DynamoDB stores);</li>
 *   <li>times are fixed-width UTC strings ({@link Keys#time}) so they sort and compare as strings;</li>
 *   <li>a {@code NULL} attribute reads as absent (the enhanced client wrote nulls inside nested maps so).</li>
 * </ul>
 */
final class Attributes {

    private Attributes() {
    }

    static Writer item() {
        return new Writer();
    }

    static Reader of(Map<String, AttributeValue> item) {
        return new Reader(item);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** Builds an item (or a nested map) in insertion order. */
    static final class Writer {
        private final Map<String, AttributeValue> map = new LinkedHashMap<>();

        Writer key(String pk, String sk) {
            return s(TableDefinition.PK, pk).s(TableDefinition.SK, sk);
        }

        Writer s(String name, String value) {
            return put(name, value == null ? null : AttributeValue.fromS(value));
        }

        /** A string written as {@code NULL} when absent: nested maps of the plan were stored so (content hashes). */
        Writer sOrNull(String name, String value) {
            return put(name, value == null ? AttributeValue.fromNul(true) : AttributeValue.fromS(value));
        }

        Writer time(String name, Instant value) {
            return s(name, value == null ? null : Keys.time(value));
        }

        Writer n(String name, Long value) {
            return put(name, value == null ? null : Attributes.n(value));
        }

        Writer n(String name, Integer value) {
            return n(name, value == null ? null : value.longValue());
        }

        Writer bool(String name, Boolean value) {
            return put(name, value == null ? null : AttributeValue.fromBool(value));
        }

        /** A string set; left out when empty (DynamoDB stores no empty set). */
        Writer ss(String name, Collection<String> values) {
            return put(name, values == null || values.isEmpty() ? null : AttributeValue.fromSs(List.copyOf(values)));
        }

        /** A list of strings; an empty list is stored as one. */
        Writer strings(String name, List<String> values) {
            return put(name, values == null ? null
                    : AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList()));
        }

        /** A map of strings, in key order; an empty map is stored as one. */
        Writer stringMap(String name, Map<String, String> values) {
            if (values == null) {
                return this;
            }
            Map<String, AttributeValue> m = new TreeMap<>();
            values.forEach((k, v) -> m.put(k, AttributeValue.fromS(v)));
            return put(name, AttributeValue.fromM(m));
        }

        /** A list of nested maps, each written by {@code mapper}. */
        <T> Writer maps(String name, List<T> values, Function<T, Map<String, AttributeValue>> mapper) {
            return put(name, values == null ? null
                    : AttributeValue.fromL(values.stream().map(v -> AttributeValue.fromM(mapper.apply(v))).toList()));
        }

        Writer all(Map<String, AttributeValue> attributes) {
            map.putAll(attributes);
            return this;
        }

        private Writer put(String name, AttributeValue value) {
            if (value != null) {
                map.put(name, value);
            }
            return this;
        }

        Map<String, AttributeValue> build() {
            return map;
        }
    }

    /** Reads one item (or nested map); every getter returns null (or an empty collection) when absent. */
    record Reader(Map<String, AttributeValue> item) {

        boolean has(String name) {
            return value(name) != null;
        }

        String s(String name) {
            AttributeValue v = value(name);
            return v == null ? null : v.s();
        }

        Instant time(String name) {
            String text = s(name);
            return text == null ? null : Keys.parseTime(text);
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            String text = s(name);
            return text == null ? null : Enum.valueOf(type, text);
        }

        Integer n(String name) {
            AttributeValue v = value(name);
            return v == null ? null : Integer.valueOf(v.n());
        }

        int n(String name, int absent) {
            Integer v = n(name);
            return v == null ? absent : v;
        }

        long longN(String name) {
            return Long.parseLong(value(name).n());
        }

        boolean bool(String name) {
            AttributeValue v = value(name);
            return v != null && Boolean.TRUE.equals(v.bool());
        }

        Set<String> ss(String name) {
            AttributeValue v = value(name);
            return v == null ? Set.of() : new LinkedHashSet<>(v.ss());
        }

        List<String> strings(String name) {
            AttributeValue v = value(name);
            return v == null ? List.of() : v.l().stream().map(AttributeValue::s).toList();
        }

        Map<String, String> stringMap(String name) {
            AttributeValue v = value(name);
            Map<String, String> out = new TreeMap<>();
            if (v != null) {
                v.m().forEach((k, e) -> out.put(k, e.s()));
            }
            return out;
        }

        <T> List<T> maps(String name, Function<Reader, T> mapper) {
            AttributeValue v = value(name);
            return v == null ? List.of() : v.l().stream().map(e -> mapper.apply(new Reader(e.m()))).toList();
        }

        /** A nested map, or null when absent. */
        Reader m(String name) {
            AttributeValue v = value(name);
            return v == null ? null : new Reader(v.m());
        }

        private AttributeValue value(String name) {
            AttributeValue v = item.get(name);
            return v == null || Boolean.TRUE.equals(v.nul()) ? null : v;
        }
    }
}
