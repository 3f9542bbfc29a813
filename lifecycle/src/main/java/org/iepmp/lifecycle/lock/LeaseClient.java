package org.iepmp.lifecycle.lock;

import java.util.Optional;

/**
 * Reads and writes the one Lease object of a cluster. To be implemented over the kube-adapter
 * (fabric8 {@code leases().inNamespace("kube-system").withName("iepmp-console")}), with a
 * timeout on every call; cluster failures are thrown as any {@link RuntimeException}.
 */
public interface LeaseClient {

    /** The Lease's name for messages, e.g. {@code kube-system/iepmp-console}. */
    String name();

    Optional<LeaseSnapshot> read();

    /** Creates the Lease; false when it already exists (someone else created it first). */
    boolean create(LeaseSnapshot lease);

    /** Replaces the Lease if its resourceVersion is still {@code lease.resourceVersion()}; false on a conflict. */
    boolean replace(LeaseSnapshot lease);
}
