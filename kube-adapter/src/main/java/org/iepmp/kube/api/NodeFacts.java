package org.iepmp.kube.api;

import java.util.List;

/**
 * A node as the technician needs to see it. CPU in millicores, memory in bytes.
 * {@code readyMessage} is the kubelet's own sentence when the node is not Ready.
 */
public record NodeFacts(
        String name,
        boolean ready,
        String readyMessage,
        List<String> roles,
        String kubeletVersion,
        String osImage,
        long cpuCapacityMillis,
        long cpuAllocatableMillis,
        long memoryCapacityBytes,
        long memoryAllocatableBytes,
        boolean diskPressure,
        boolean memoryPressure) {

    public NodeFacts {
        roles = List.copyOf(roles);
        readyMessage = readyMessage == null ? "" : readyMessage;
    }
}
