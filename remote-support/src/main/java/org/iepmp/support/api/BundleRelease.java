package org.iepmp.support.api;

import java.util.List;
import java.util.Optional;

/**
 * One installed release as a support bundle lists it.
 *
 * @param health its workloads and recent events; empty when they could not be read
 */
public record BundleRelease(String namespace, String name, String chartName, String chartVersion, int revision,
                            String status, Optional<Health> health) {

    /** The workloads of the release and the events about them. */
    public record Health(List<BundleWorkload> workloads, List<BundleEvent> events) {

        public Health {
            workloads = List.copyOf(workloads);
            events = List.copyOf(events);
        }
    }
}
