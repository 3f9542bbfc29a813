package org.iepmp.support.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The connected cluster and its nodes, as a support bundle lists them. */
public record BundleCluster(String serverVersion, String platform, String identity, Optional<Duration> clockSkew,
                            List<BundleNode> nodes) {

    public BundleCluster {
        nodes = List.copyOf(nodes);
    }
}
