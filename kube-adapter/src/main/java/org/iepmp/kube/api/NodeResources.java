package org.iepmp.kube.api;

/**
 * What a node can still take: allocatable CPU (millicores) and memory (bytes) against the sum of
 * the requests of the pods placed on it (not finished), plus its pressure conditions.
 */
public record NodeResources(
        String node,
        boolean ready,
        long cpuAllocatableMillis,
        long cpuRequestedMillis,
        long memoryAllocatableBytes,
        long memoryRequestedBytes,
        long podsAllocatable,
        int podsPlaced,
        boolean diskPressure,
        boolean memoryPressure,
        boolean pidPressure) {

    public long cpuFreeMillis() {
        return Math.max(0, cpuAllocatableMillis - cpuRequestedMillis);
    }

    public long memoryFreeBytes() {
        return Math.max(0, memoryAllocatableBytes - memoryRequestedBytes);
    }
}
