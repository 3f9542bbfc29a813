package org.iepmp.lifecycle.engine.preflight;

import java.util.Optional;
import java.util.Set;

/**
 * The container images already present on the cluster's nodes (node status), for the
 * air-gapped check. Empty when they cannot be read: the check then says it was not made.
 */
@FunctionalInterface
public interface NodeImages {
    NodeImages UNKNOWN = Optional::empty;

    Optional<Set<String>> presentImages();
}
