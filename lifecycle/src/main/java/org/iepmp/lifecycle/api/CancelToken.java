package org.iepmp.lifecycle.api;

/**
 * Asked by a running operation between steps and while it waits for a rollout. When it says
 * yes, the engine stops at the next safe point and restores what the operation had applied.
 */
@FunctionalInterface
public interface CancelToken {
    CancelToken NEVER = () -> false;

    boolean cancelled();
}
