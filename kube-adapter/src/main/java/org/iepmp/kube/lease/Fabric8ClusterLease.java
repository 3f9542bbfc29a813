package org.iepmp.kube.lease;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.iepmp.kube.api.ClusterLease;
import org.iepmp.kube.api.LeaseRecord;
import org.iepmp.kube.health.TimeBoundRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ClusterLease} on fabric8: {@code coordination.k8s.io/v1} Lease {@code iepmp-console} in {@code kube-system}. */
public final class Fabric8ClusterLease implements ClusterLease, AutoCloseable {

    public static final String NAMESPACE = "kube-system";
    public static final String NAME = "iepmp-console";
    private static final Logger LOG = LoggerFactory.getLogger(Fabric8ClusterLease.class);

    private final KubernetesClient client;
    private final TimeBoundRunner runner;

    public Fabric8ClusterLease(KubernetesClient client, String server) {
        this.client = client;
        this.runner = new TimeBoundRunner("cluster-lease", server);
    }

    @Override
    public String name() {
        return NAMESPACE + "/" + NAME;
    }

    @Override
    public Optional<LeaseRecord> read(Duration timeout) {
        return runner.run("read of lease " + name(), timeout,
                () -> Optional.ofNullable(leases().get()).map(Fabric8ClusterLease::record));
    }

    @Override
    public boolean create(LeaseRecord lease, Duration timeout) {
        return runner.run("create of lease " + name(), timeout, () -> {
            try {
                client.resource(lease(lease, null)).create();
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 409) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public boolean replace(LeaseRecord lease, Duration timeout) {
        if (lease.resourceVersion() == null || lease.resourceVersion().isEmpty()) {
            throw new IllegalArgumentException("a replace must name the resourceVersion it read");
        }
        return runner.run("update of lease " + name(), timeout, () -> {
            try {
                // update() sends the resourceVersion: the server refuses it with 409 if someone wrote in between.
                client.resource(lease(lease, lease.resourceVersion())).update();
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 409 || e.getCode() == 404) {
                    LOG.debug("Lease {} changed meanwhile ({})", name(), e.getCode());
                    return false;
                }
                throw e;
            }
        });
    }

    private io.fabric8.kubernetes.client.dsl.Resource<Lease> leases() {
        return client.resources(Lease.class).inNamespace(NAMESPACE).withName(NAME);
    }

    private static Lease lease(LeaseRecord lease, String resourceVersion) {
        return new LeaseBuilder()
                .withNewMetadata().withName(NAME).withNamespace(NAMESPACE).withResourceVersion(resourceVersion)
                .addToLabels("app.kubernetes.io/managed-by", "iepmp-console")
                .withAnnotations(lease.annotations().isEmpty() ? null : new LinkedHashMap<>(lease.annotations()))
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity(lease.holderIdentity() == null || lease.holderIdentity().isEmpty() ? null : lease.holderIdentity())
                .withAcquireTime(microTime(lease.acquireTime()))
                .withRenewTime(microTime(lease.renewTime()))
                .withLeaseDurationSeconds(lease.leaseDuration() == null ? null : (int) Math.max(1, lease.leaseDuration().toSeconds()))
                .withLeaseTransitions(lease.transitions())
                .endSpec()
                .build();
    }

    /** fabric8 writes these as MicroTime (RFC 3339 with microseconds); the lock needs no finer time. */
    private static ZonedDateTime microTime(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atZone(ZoneOffset.UTC);
    }

    static LeaseRecord record(Lease lease) {
        var spec = lease.getSpec();
        Map<String, String> annotations = lease.getMetadata().getAnnotations() == null ? Map.of() : lease.getMetadata().getAnnotations();
        if (spec == null) {
            return new LeaseRecord(null, null, null, null, 0, annotations, lease.getMetadata().getResourceVersion());
        }
        return new LeaseRecord(spec.getHolderIdentity(), instant(spec.getAcquireTime()), instant(spec.getRenewTime()),
                spec.getLeaseDurationSeconds() == null ? null : Duration.ofSeconds(spec.getLeaseDurationSeconds()),
                spec.getLeaseTransitions() == null ? 0 : spec.getLeaseTransitions(), annotations,
                lease.getMetadata().getResourceVersion());
    }

    private static Instant instant(ZonedDateTime time) {
        return time == null ? null : time.toInstant();
    }

    @Override
    public void close() {
        runner.close();
    }
}
