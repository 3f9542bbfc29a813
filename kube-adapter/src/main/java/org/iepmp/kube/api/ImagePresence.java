package org.iepmp.kube.api;

import java.util.List;

/** Whether an image (as a manifest names it) is already on nodes, and on which; air-gapped sites need it there. */
public record ImagePresence(String image, List<String> nodes) {

    public ImagePresence {
        nodes = List.copyOf(nodes);
    }

    public boolean present() {
        return !nodes.isEmpty();
    }
}
