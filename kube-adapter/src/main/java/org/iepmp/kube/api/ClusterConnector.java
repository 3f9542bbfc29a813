package org.iepmp.kube.api;

import java.time.Duration;

/** Opens connections; a connection that cannot answer a version request within the timeout is refused. */
public interface ClusterConnector {

    ClusterConnection connect(ClusterCandidate candidate, Duration timeout);
}
