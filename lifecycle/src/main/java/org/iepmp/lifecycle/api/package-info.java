/**
 * Turns "install / upgrade / roll back / uninstall this" into a planned, checked, verified and
 * recorded operation (SQLite history, cluster lock, crash recovery). No JavaFX.
 *
 * <p>What other modules use: per connected cluster a {@link org.iepmp.lifecycle.api.ClusterLifecycle}
 * (operations, release queries, recovery of interrupted operations, lock status), and on this
 * computer the {@link org.iepmp.lifecycle.api.LocalLifecycleStorage}; both are built by
 * {@code org.iepmp.lifecycle.LifecycleFactory} in a composition root.
 */
package org.iepmp.lifecycle.api;
