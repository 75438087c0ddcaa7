package cn.lyg.xilian.core.testdata;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The builders' common part: a record's values kept by component name and built through its canonical constructor,
 * so a field added to the record needs no change here or in a builder (it is null unless a test sets it with
 * {@link #with}); a name the record does not have is refused, never ignored.
 */
abstract class RecordBuilder<R extends Record, B extends RecordBuilder<R, B>> {

    private final Class<R> type;
    private final List<RecordComponent> components;
    final Map<String, Object> values = new HashMap<>();

    RecordBuilder(Class<R> type) {
        this.type = type;
        this.components = List.of(type.getRecordComponents());
    }

    /** Any field by its record component name, e.g. one no setter of the builder names. */
    public B with(String component, Object value) {
        if (components.stream().noneMatch(c -> c.getName().equals(component))) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no field " + component);
        }
        values.put(component, value);
        return self();
    }

    /** Every field of {@code record}. */
    B copyOf(R record) {
        for (RecordComponent c : components) {
            try {
                values.put(c.getName(), c.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return self();
    }

    List<RecordComponent> components() {
        return components;
    }

    /** The value the record gets for {@code component}; a builder may compute one (a default key). */
    Object valueFor(String component) {
        return values.get(component);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    public R build() {
        Object[] args = components.stream().map(c -> valueFor(c.getName())).toArray();
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(
                    components.stream().map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(type.getSimpleName() + ": a field without value or of another type "
                    + Arrays.toString(args), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
