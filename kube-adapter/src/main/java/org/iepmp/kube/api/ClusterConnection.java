package org.iepmp.kube.api;

/** An open connection to one cluster. Every call has a timeout and throws {@link KubeException}. */
public interface ClusterConnection extends AutoCloseable {

    ClusterCandidate candidate();

    /** Reads server version, identity, nodes and clock skew now. */
    ClusterFacts facts();

    @Override
    void close();
}
