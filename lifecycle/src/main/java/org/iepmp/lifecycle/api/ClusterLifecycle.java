package org.iepmp.lifecycle.api;

/**
 * Everything the window and the command line do with one connected cluster: operations
 * ({@link LifecycleEngine}), queries, crash recovery and the lock. Callers that need one role take
 * that narrower interface.
 */
public interface ClusterLifecycle extends LifecycleEngine, ReleaseQueries, InstalledPackages, OperationRecovery, ClusterLockStatus {
}
