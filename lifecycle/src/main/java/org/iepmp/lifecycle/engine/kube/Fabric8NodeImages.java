package org.iepmp.lifecycle.engine.kube;

import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.iepmp.lifecycle.engine.preflight.NodeImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The images every node reports in its status (what the kubelet has pulled or was preloaded with). */
public final class Fabric8NodeImages implements NodeImages {

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8NodeImages.class);

    private final KubernetesClient client;

    /** {@code client} carries the connection's timeouts (see {@code Fabric8ClusterConnector.configFor}). */
    public Fabric8NodeImages(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<Set<String>> presentImages() {
        try {
            Set<String> images = new HashSet<>();
            for (Node node : client.nodes().list().getItems()) {
                if (node.getStatus() != null && node.getStatus().getImages() != null) {
                    for (ContainerImage image : node.getStatus().getImages()) {
                        if (image.getNames() != null) {
                            images.addAll(image.getNames());
                        }
                    }
                }
            }
            return Optional.of(images);
        } catch (KubernetesClientException e) {
            LOG.warn("Cannot read the images on the nodes: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
