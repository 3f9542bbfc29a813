/**
 * Cluster locks: a local file lock and the logic of the in-cluster Lease (over a {@link org.iepmp.lifecycle.lock.LeaseClient} port).
 */
package org.iepmp.lifecycle.lock;
