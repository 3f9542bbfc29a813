package org.iepmp.catalog.support;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use, once, safely across threads. The catalog's Jackson mappers are made
 * this way: building one loads some 400 classes, and the window builds the catalog before its
 * first frame, when nothing has been parsed yet.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> maker;
    private volatile T value;

    public Lazy(Supplier<T> maker) {
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = Objects.requireNonNull(maker.get(), "made value");
                    value = made;
                }
            }
        }
        return made;
    }
}
