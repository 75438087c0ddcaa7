package cn.lyg.xilian.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Enhanced Client's view of a partition that holds several item types, told apart by their sort key: one Query
 * reads them all (the plan partition, a task's supervision partition) and each item is mapped by its own record's
 * static schema. An item of a type not listed reads as {@code null}: other item types added to a partition later are
 * not ours to interpret, and the repositories leave them out.
 */
final class PartitionSchema<T> implements TableSchema<T> {

    private record Part<T, S extends T>(String sortKey, boolean prefix, Class<S> type, TableSchema<S> schema) {

        boolean reads(String sk) {
            return prefix ? sk.startsWith(sortKey) : sk.equals(sortKey);
        }

        Map<String, AttributeValue> itemToMap(T item, boolean ignoreNulls) {
            return schema.itemToMap(type.cast(item), ignoreNulls);
        }

        Map<String, AttributeValue> itemToMap(T item, Collection<String> attributes) {
            return schema.itemToMap(type.cast(item), attributes);
        }

        AttributeValue attributeValue(T item, String name) {
            return schema.attributeValue(type.cast(item), name);
        }
    }

    private final EnhancedType<T> type;
    private final List<Part<T, ? extends T>> parts = new ArrayList<>();

    private PartitionSchema(Class<T> type) {
        this.type = EnhancedType.of(type);
    }

    static <T> PartitionSchema<T> of(Class<T> type) {
        return new PartitionSchema<>(type);
    }

    /** Items whose sort key is exactly {@code sk}. */
    <S extends T> PartitionSchema<T> exactly(String sk, Class<S> itemType, TableSchema<S> schema) {
        parts.add(new Part<>(sk, false, itemType, schema));
        return this;
    }

    /** Items whose sort key starts with {@code prefix}. */
    <S extends T> PartitionSchema<T> prefixed(String prefix, Class<S> itemType, TableSchema<S> schema) {
        parts.add(new Part<>(prefix, true, itemType, schema));
        return this;
    }

    @Override
    public T mapToItem(Map<String, AttributeValue> attributeMap) {
        AttributeValue sk = attributeMap.get(TableDefinition.SK);
        for (Part<T, ? extends T> part : parts) {
            if (sk != null && part.reads(sk.s())) {
                return part.schema().mapToItem(attributeMap);
            }
        }
        return null;
    }

    @Override
    public Map<String, AttributeValue> itemToMap(T item, boolean ignoreNulls) {
        return partOf(item).itemToMap(item, ignoreNulls);
    }

    @Override
    public Map<String, AttributeValue> itemToMap(T item, Collection<String> attributes) {
        return partOf(item).itemToMap(item, attributes);
    }

    @Override
    public AttributeValue attributeValue(T item, String attributeName) {
        return partOf(item).attributeValue(item, attributeName);
    }

    /** Every item type has the table's key attributes; the first type's metadata names them. */
    @Override
    public TableMetadata tableMetadata() {
        return parts.getFirst().schema().tableMetadata();
    }

    @Override
    public EnhancedType<T> itemType() {
        return type;
    }

    @Override
    public List<String> attributeNames() {
        Set<String> names = new LinkedHashSet<>();
        parts.forEach(p -> names.addAll(p.schema().attributeNames()));
        return List.copyOf(names);
    }

    @Override
    public boolean isAbstract() {
        return false;
    }

    private Part<T, ? extends T> partOf(T item) {
        return parts.stream().filter(p -> p.type().isInstance(item)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an item of this partition: " + item));
    }
}
