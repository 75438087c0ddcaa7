package cn.lyg.xilian.dynamodb;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built on first use, once (thread-safe). For what is costly to build and not needed by every
 * function: the enhanced client and the item schemas of the tables a request may never touch, which would
 * otherwise be built in a Lambda's cold start.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> factory;
    private volatile T value;

    private Lazy(Supplier<? extends T> factory) {
        this.factory = factory;
    }

    public static <T> Lazy<T> of(Supplier<? extends T> factory) {
        return new Lazy<>(Objects.requireNonNull(factory));
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = Objects.requireNonNull(factory.get());
                    value = v;
                }
            }
        }
        return v;
    }
}
