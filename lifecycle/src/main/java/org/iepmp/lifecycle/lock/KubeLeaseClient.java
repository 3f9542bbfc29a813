package org.iepmp.lifecycle.lock;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.iepmp.kube.api.ClusterLease;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.LeaseRecord;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;

/**
 * The lock's {@link LeaseClient} over the kube-adapter's {@link ClusterLease}: the holder
 * details (user, host, pid, cluster) travel as annotations {@code iepmp.org/holder-<key>}, so
 * {@code kubectl describe lease -n kube-system iepmp-console} shows who holds it.
 */
public final class KubeLeaseClient implements LeaseClient {

    static final String ANNOTATION_PREFIX = "iepmp.org/holder-";

    private final ClusterLease lease;
    private final Duration timeout;

    public KubeLeaseClient(ClusterLease lease, Duration timeout) {
        this.lease = lease;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return lease.name();
    }

    @Override
    public Optional<LeaseSnapshot> read() {
        return permitted(() -> lease.read(timeout).map(KubeLeaseClient::snapshot));
    }

    @Override
    public boolean create(LeaseSnapshot snapshot) {
        return permitted(() -> lease.create(record(snapshot), timeout));
    }

    @Override
    public boolean replace(LeaseSnapshot snapshot) {
        return permitted(() -> lease.replace(record(snapshot), timeout));
    }

    /** A refusal by RBAC is not a broken cluster: it gets its own code, so the engine can go on with the local lock. */
    private <T> T permitted(Supplier<T> call) {
        try {
            return call.get();
        } catch (KubeException e) {
            if (e.code() == KubeErrorCode.FORBIDDEN) {
                throw new LifecycleException(LifecycleErrorCode.LEASE_NOT_PERMITTED, "no permission for lease " + lease.name(), e,
                        lease.name());
            }
            throw e;
        }
    }

    private static LeaseRecord record(LeaseSnapshot s) {
        Map<String, String> annotations = new LinkedHashMap<>();
        s.holderDetails().forEach((key, value) -> annotations.put(ANNOTATION_PREFIX + key, value));
        return new LeaseRecord(s.holderIdentity(), s.acquireTime(), s.renewTime(), s.leaseDuration(), s.transitions(), annotations,
                s.resourceVersion());
    }

    private static LeaseSnapshot snapshot(LeaseRecord r) {
        Map<String, String> details = new LinkedHashMap<>();
        r.annotations().forEach((key, value) -> {
            if (key.startsWith(ANNOTATION_PREFIX)) {
                details.put(key.substring(ANNOTATION_PREFIX.length()), value);
            }
        });
        return new LeaseSnapshot(r.holderIdentity(), r.acquireTime(), r.renewTime(), r.leaseDuration(), r.transitions(), details,
                r.resourceVersion());
    }
}
