package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.EnumAttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTag;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Declares the Enhanced Client's {@link StaticImmutableTableSchema} of one storage record: each attribute once, with
 * its name, type and getter (a method reference), giving a typed {@link Slot} that the record's constructor reads
 * back. No bean introspection and no reflection: the builder the Enhanced Client fills while it reads an item is an
 * array with one place per declared attribute, and each slot is that place's setter. Build a schema once, in a
 * {@code static final} field of its record.
 *
 * <p>The storage conventions of the table live here, as converters:
 * <ul>
 *   <li>times are fixed-width UTC strings with milliseconds ({@link Keys#time}), so they sort and compare as
 *   strings (conditions and sort keys rely on it);</li>
 *   <li>enums are stored by {@code name()};</li>
 *   <li>an absent value is an absent attribute (puts ignore nulls); an empty string set is absent too (DynamoDB has
 *   no empty sets), while empty lists and maps are stored as such;</li>
 *   <li>a {@code NULL} attribute reads as absent (nested maps of the plan hold them, see
 *   {@link #documentsKeepingNulls}).</li>
 * </ul>
 */
final class ItemSchema<T> {

    /** A storage record of a table item: its key. */
    interface Keyed {
        String pk();

        String sk();
    }

    /** What the Enhanced Client fills while it reads one item: a value per declared attribute. */
    static final class Values {
        private final Object[] values;

        private Values(int size) {
            this.values = new Object[size];
        }

        @SuppressWarnings("unchecked")
        <V> V get(Slot<V> slot) {
            return (V) values[slot.index];
        }

        /** The partition key of a table item ({@link ItemSchema#item}). */
        String pk() {
            return (String) values[0];
        }

        /** The sort key of a table item ({@link ItemSchema#item}). */
        String sk() {
            return (String) values[1];
        }
    }

    /** One declared attribute of a record: its place among the values read, and the setter of that place. */
    static final class Slot<V> implements BiConsumer<Values, V> {
        private final int index;

        private Slot(int index) {
            this.index = index;
        }

        @Override
        public void accept(Values values, V value) {
            values.values[index] = value;
        }
    }

    private static final EnhancedType<Values> VALUES = EnhancedType.of(Values.class);
    /** {@link Keys#time}: fixed width, so that string order is time order. */
    private static final AttributeConverter<Instant> TIME = new Converter<>(EnhancedType.of(Instant.class),
            AttributeValueType.S, t -> AttributeValue.fromS(Keys.time(t)), v -> Keys.parseTime(v.s()));
    /** Empty is {@code NULL}, which puts and ignoring updates leave out. */
    private static final AttributeConverter<Set<String>> STRING_SET = new Converter<>(
            EnhancedType.setOf(String.class), AttributeValueType.SS,
            set -> set.isEmpty() ? AttributeValue.fromNul(true) : AttributeValue.fromSs(List.copyOf(set)),
            v -> new LinkedHashSet<>(v.ss()));
    // The Enhanced Client's own list, map and document converters would do the same; these few lines spare the
    // first request the ~60 classes they load (a map's converter builds a converter for every type a key may have).
    private static final AttributeConverter<List<String>> STRING_LIST = new Converter<>(
            EnhancedType.listOf(String.class), AttributeValueType.L,
            list -> AttributeValue.fromL(list.stream().map(AttributeValue::fromS).toList()),
            v -> v.l().stream().map(AttributeValue::s).toList());
    private static final AttributeConverter<Map<String, String>> STRING_MAP = new Converter<>(
            EnhancedType.mapOf(String.class, String.class), AttributeValueType.M,
            ItemSchema::stringMapValue, ItemSchema::stringMap);

    private final EnhancedType<T> type;
    private final StaticImmutableTableSchema.Builder<T, Values> builder;
    private int size;

    private ItemSchema(Class<T> type) {
        this.type = EnhancedType.of(type);
        this.builder = StaticImmutableTableSchema.builder(this.type, VALUES);
    }

    /** The schema of a nested map (a document inside an item). */
    static <T> ItemSchema<T> of(Class<T> type) {
        return new ItemSchema<>(type);
    }

    /** The schema of a table item: its key attributes come first ({@link Values#pk}, {@link Values#sk}). */
    static <T extends Keyed> ItemSchema<T> item(Class<T> type) {
        ItemSchema<T> schema = new ItemSchema<>(type);
        schema.add(TableDefinition.PK, EnhancedType.of(String.class), Keyed::pk, null,
                StaticAttributeTags.primaryPartitionKey());
        schema.add(TableDefinition.SK, EnhancedType.of(String.class), Keyed::sk, null,
                StaticAttributeTags.primarySortKey());
        return schema;
    }

    // --- keys of the indexes (TableDefinition) ---

    Slot<String> gsi1pk(Function<T, String> getter) {
        return add(TableDefinition.GSI1_PK, EnhancedType.of(String.class), getter, null,
                StaticAttributeTags.secondaryPartitionKey(TableDefinition.GSI1));
    }

    Slot<String> gsi1sk(Function<T, String> getter) {
        return add(TableDefinition.GSI1_SK, EnhancedType.of(String.class), getter, null,
                StaticAttributeTags.secondarySortKey(TableDefinition.GSI1));
    }

    Slot<String> gsi2pk(Function<T, String> getter) {
        return add(TableDefinition.GSI2_PK, EnhancedType.of(String.class), getter, null,
                StaticAttributeTags.secondaryPartitionKey(TableDefinition.GSI2));
    }

    Slot<String> gsi2sk(Function<T, String> getter) {
        return add(TableDefinition.GSI2_SK, EnhancedType.of(String.class), getter, null,
                StaticAttributeTags.secondarySortKey(TableDefinition.GSI2));
    }

    // --- attributes ---

    Slot<String> string(String name, Function<T, String> getter) {
        return add(name, EnhancedType.of(String.class), getter, null);
    }

    Slot<Integer> integer(String name, Function<T, Integer> getter) {
        return add(name, EnhancedType.of(Integer.class), getter, null);
    }

    Slot<Long> number(String name, Function<T, Long> getter) {
        return add(name, EnhancedType.of(Long.class), getter, null);
    }

    /** A number the Enhanced Client's atomic counter extension adds {@code delta} to on every update. */
    Slot<Long> counter(String name, Function<T, Long> getter, long delta, long startValue) {
        return add(name, EnhancedType.of(Long.class), getter, null,
                StaticAttributeTags.atomicCounter(delta, startValue));
    }

    Slot<Boolean> bool(String name, Function<T, Boolean> getter) {
        return add(name, EnhancedType.of(Boolean.class), getter, null);
    }

    /** A fixed-width UTC time ({@link Keys#time}). */
    Slot<Instant> time(String name, Function<T, Instant> getter) {
        return add(name, EnhancedType.of(Instant.class), getter, TIME);
    }

    /** An ISO date, e.g. 2026-12-31. */
    Slot<LocalDate> date(String name, Function<T, LocalDate> getter) {
        return add(name, EnhancedType.of(LocalDate.class), getter, null);
    }

    /** An enum by its name. */
    <E extends Enum<E>> Slot<E> enumeration(String name, Class<E> type, Function<T, E> getter) {
        return add(name, EnhancedType.of(type), getter, EnumAttributeConverter.createWithNameAsKeys(type));
    }

    /** A list of strings; an empty list is stored as one. */
    Slot<List<String>> strings(String name, Function<T, List<String>> getter) {
        return add(name, EnhancedType.listOf(String.class), getter, STRING_LIST);
    }

    /** A string set; an empty one is left out (DynamoDB stores no empty set) and reads back as absent. */
    Slot<Set<String>> stringSet(String name, Function<T, Set<String>> getter) {
        return add(name, EnhancedType.setOf(String.class), getter, STRING_SET);
    }

    /** A map of strings, in key order; an empty map is stored as one. */
    Slot<Map<String, String>> stringMap(String name, Function<T, Map<String, String>> getter) {
        return add(name, EnhancedType.mapOf(String.class, String.class), getter, STRING_MAP);
    }

    /** A nested map written by its own schema, without its absent values. */
    <D> Slot<D> document(String name, Class<D> type, TableSchema<D> schema, Function<T, D> getter) {
        return add(name, EnhancedType.of(type), getter, document(type, schema, true));
    }

    /** A list of nested maps written by their own schema, without their absent values. */
    <D> Slot<List<D>> documents(String name, Class<D> type, TableSchema<D> schema, Function<T, List<D>> getter) {
        return add(name, EnhancedType.listOf(type), getter, documentList(type, schema, true));
    }

    /**
     * A list of nested maps written by their own schema, absent values as {@code NULL} (the plan's milestones and
     * targets were first stored so, and their content hashes cover it).
     */
    <D> Slot<List<D>> documentsKeepingNulls(String name, Class<D> type, TableSchema<D> schema,
                                            Function<T, List<D>> getter) {
        return add(name, EnhancedType.listOf(type), getter, documentList(type, schema, false));
    }

    /** Another record's attributes, flat beside this record's (as the history item holds a submission's). */
    <D> Slot<D> flatten(TableSchema<D> schema, Function<T, D> getter) {
        Slot<D> slot = new Slot<>(size++);
        builder.flatten(schema, getter, slot);
        return slot;
    }

    TableSchema<T> build(Function<Values, T> constructor) {
        int slots = size;
        return builder.newItemBuilder(() -> new Values(slots), constructor).build();
    }

    private <V> Slot<V> add(String name, EnhancedType<V> attributeType, Function<T, V> getter,
                            AttributeConverter<V> converter, StaticAttributeTag... tags) {
        Slot<V> slot = new Slot<>(size++);
        ImmutableAttribute.Builder<T, Values, V> attribute = ImmutableAttribute.builder(type, VALUES, attributeType)
                .name(name).getter(getter).setter(slot).tags(tags);
        if (converter != null) {
            attribute.attributeConverter(converter);
        }
        builder.addAttribute(attribute.build());
        return slot;
    }

    /** A map of strings as a map attribute, in key order. */
    private static AttributeValue stringMapValue(Map<String, String> map) {
        Map<String, AttributeValue> values = new TreeMap<>();
        map.forEach((k, v) -> values.put(k, AttributeValue.fromS(v)));
        return AttributeValue.fromM(values);
    }

    /** A map attribute of strings, in key order. */
    private static Map<String, String> stringMap(AttributeValue value) {
        Map<String, String> map = new TreeMap<>();
        value.m().forEach((k, v) -> map.put(k, v.s()));
        return map;
    }

    /** A converter from two functions: what the table stores for a value, and the value of what it stores. */
    private record Converter<V>(EnhancedType<V> type, AttributeValueType attributeValueType,
                                Function<V, AttributeValue> write, Function<AttributeValue, V> read)
            implements AttributeConverter<V> {
        @Override
        public AttributeValue transformFrom(V input) {
            return write.apply(input);
        }

        @Override
        public V transformTo(AttributeValue input) {
            return read.apply(input);
        }
    }

    /** A nested map written and read by its own schema. */
    private static <D> AttributeConverter<D> document(Class<D> type, TableSchema<D> schema, boolean ignoreNulls) {
        return new Converter<>(EnhancedType.of(type), AttributeValueType.M,
                d -> AttributeValue.fromM(schema.itemToMap(d, ignoreNulls)), v -> schema.mapToItem(v.m()));
    }

    /** A list of nested maps, each written and read by the documents' schema. */
    private static <D> AttributeConverter<List<D>> documentList(Class<D> type, TableSchema<D> schema,
                                                                boolean ignoreNulls) {
        AttributeConverter<D> each = document(type, schema, ignoreNulls);
        return new Converter<>(EnhancedType.listOf(type), AttributeValueType.L,
                list -> AttributeValue.fromL(list.stream().map(each::transformFrom).toList()),
                v -> v.l().stream().map(each::transformTo).toList());
    }
}
