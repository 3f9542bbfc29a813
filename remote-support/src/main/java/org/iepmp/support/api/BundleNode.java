package org.iepmp.support.api;

/** One node of the cluster, as a support bundle lists it. */
public record BundleNode(String name, boolean ready, String readyMessage, String kubeletVersion, String osImage,
                         long cpuCapacityMillis, long cpuAllocatableMillis, long memoryCapacityBytes,
                         long memoryAllocatableBytes, boolean diskPressure, boolean memoryPressure) {
}
