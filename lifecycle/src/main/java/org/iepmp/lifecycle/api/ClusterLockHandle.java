package org.iepmp.lifecycle.api;

/** A held cluster lock. Closing releases it; releasing twice is harmless. */
public interface ClusterLockHandle extends AutoCloseable {

    LockHolder holder();

    /** Extends the lock by its ttl; throws LOCK_LOST when someone else took it meanwhile. */
    void renew();

    void release();

    @Override
    default void close() {
        release();
    }
}
