package org.iepmp.practice.api;

import java.util.List;

/**
 * A node of the practice cluster.
 *
 * @param name node name
 * @param cpuCores CPU capacity in cores
 * @param memoryMebibytes memory capacity in MiB
 * @param images images already present on the node (reported in node status)
 */
public record SimulatedNode(String name, int cpuCores, long memoryMebibytes, List<String> images) {

    public SimulatedNode {
        images = List.copyOf(images);
    }

    /** The typical plant IPC: one node, 4 cores, 8 GiB, a few system images present. */
    public static SimulatedNode ipc01() {
        return new SimulatedNode("ipc-01", 4, 8192, List.of("registry.k8s.io/pause:3.9",
                "docker.io/coredns/coredns:1.11.1", "docker.io/calico/node:v3.28.1"));
    }
}
