package org.iepmp.kube.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterConnector;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens fabric8 clients from a kubeconfig context, without reading any other environment. */
public final class Fabric8ClusterConnector implements ClusterConnector {

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8ClusterConnector.class);

    private final Clock clock;

    public Fabric8ClusterConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ClusterConnection connect(ClusterCandidate candidate, Duration timeout) {
        candidate.problem().ifPresent(problem -> {
            throw problem;
        });
        Config config = configFor(candidate, timeout);
        ClientCertificateValidity.check(config, candidate.kubeconfig(), clock.instant());
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        Fabric8ClusterConnection connection = new Fabric8ClusterConnection(candidate, client, clock, timeout);
        try {
            connection.probe();
        } catch (RuntimeException e) {
            connection.close();
            throw KubeErrors.map(e, candidate.server());
        }
        LOG.info("Connected to {} ({} context {})", candidate.server(), candidate.kind(), candidate.context());
        return connection;
    }

    /** A fabric8 config for exactly this kubeconfig and context; shared with the drivers. */
    public static Config configFor(ClusterCandidate candidate, Duration timeout) {
        Config config;
        try {
            config = Config.fromKubeconfig(candidate.context().isEmpty() ? null : candidate.context(),
                    candidate.kubeconfig().toFile());
        } catch (RuntimeException e) {
            throw new KubeException(KubeErrorCode.KUBECONFIG_INVALID, "cannot load kubeconfig", e,
                    candidate.kubeconfig().toString());
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new KubeException(KubeErrorCode.CONTEXT_NOT_FOUND, "no server for context " + candidate.context(),
                    candidate.context(), candidate.kubeconfig().toString());
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        config.setConnectionTimeout(millis);
        config.setRequestTimeout(millis);
        // Retries with back-off would turn "server is down" into a long silent wait.
        config.setRequestRetryBackoffLimit(0);
        return config;
    }
}
