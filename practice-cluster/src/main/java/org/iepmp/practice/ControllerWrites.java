package org.iepmp.practice;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The writes every workload controller makes: pods created and deleted (with their events), status written when it changed. */
final class ControllerWrites {

    private final ObjectStore store;
    private final EventRecorder events;
    private final ResourceType pods;

    ControllerWrites(ObjectStore store, EventRecorder events, ResourceType pods) {
        this.store = store;
        this.events = events;
        this.pods = pods;
    }

    void createPod(ObjectNode owner, String ns, ObjectNode pod, String component) {
        try {
            new Defaults().apply(pods, pod);
            ObjectNode created = store.create(pods, ns, pod, false);
            events.normal(owner, "SuccessfulCreate", "Created pod: " + ObjectStore.nameOf(created), component, null);
        } catch (ApiError e) {
            // Namespace terminating or the name taken by a pod still going away; retried next pass.
        }
    }

    void deletePod(ObjectNode owner, ObjectNode pod, String component) {
        try {
            store.delete(pods, ObjectStore.namespaceOf(pod), ObjectStore.nameOf(pod), null, false);
            events.normal(owner, "SuccessfulDelete", "Deleted pod: " + ObjectStore.nameOf(pod), component, null);
        } catch (ApiError e) {
            // Already gone.
        }
    }

    void writeStatus(ResourceType type, ObjectNode object, ObjectNode status) {
        if (object.path("status").equals(status)) {
            return;
        }
        store.mutate(type, ObjectStore.namespaceOf(object), ObjectStore.nameOf(object), x -> {
            x.set("status", status);
            return x;
        }, true);
    }
}
