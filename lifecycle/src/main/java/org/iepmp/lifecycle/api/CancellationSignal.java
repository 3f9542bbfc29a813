package org.iepmp.lifecycle.api;

/** Asked by the engine between and within steps; the UI's cancel button sets it. */
@FunctionalInterface
public interface CancellationSignal {

    CancellationSignal NEVER = () -> false;

    boolean cancelled();
}
