package org.smartcc.engine.query.spark;

import java.util.function.Supplier;

/** A value computed on first use and kept: plans that cost driver time but that not every caller needs. */
final class Memoized<T> implements Supplier<T> {

    private final Supplier<T> compute;
    private T value;

    private Memoized(Supplier<T> compute) {
        this.compute = compute;
    }

    static <T> Memoized<T> of(Supplier<T> compute) {
        return new Memoized<>(compute);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = compute.get();
        }
        return value;
    }
}
