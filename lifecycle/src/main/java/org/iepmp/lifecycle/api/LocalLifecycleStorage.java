package org.iepmp.lifecycle.api;

/**
 * The lifecycle's stores on this computer (history, chart archives, the local cluster lock, the key
 * that seals secret values), opened once per process by the lifecycle's factory and closed at exit.
 */
public interface LocalLifecycleStorage extends AutoCloseable {

    HistoryStore history();

    /** This computer's lock of a cluster (the engine stacks the cluster's Lease on it). */
    ClusterLock localLock();

    /** How many operations of a previous run were found RUNNING and marked INTERRUPTED at open (to tell the user). */
    int interruptedAtOpen();

    @Override
    void close();
}
