package org.iepmp.kube.manifest;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;

/**
 * Waits until the CRDs a package brings are Established: objects of their kinds applied before that are refused by the
 * API server.
 */
final class CrdReadiness {

    private static final Duration CRD_POLL = Duration.ofMillis(200);

    private final KubernetesClient client;
    private final Clock clock;
    private final String server;

    CrdReadiness(KubernetesClient client, Clock clock, String server) {
        this.client = client;
        this.clock = clock;
        this.server = server;
    }

    void await(List<GenericKubernetesResource> resources, Instant deadline) {
        for (GenericKubernetesResource r : resources) {
            if (!"CustomResourceDefinition".equals(r.getKind())) {
                continue;
            }
            String name = r.getMetadata().getName();
            while (!established(name)) {
                if (clock.instant().isAfter(deadline)) {
                    throw new KubeException(KubeErrorCode.TIMEOUT, "CRD " + name + " not Established in time", server, name);
                }
                try {
                    Thread.sleep(CRD_POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KubeException(KubeErrorCode.CANCELLED, "waiting for CRD " + name, e, server, name);
                }
            }
        }
    }

    private boolean established(String crdName) {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(crdName).get();
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
