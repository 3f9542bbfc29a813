package org.iepmp.practice;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated control plane and kubelet, on one background thread: every store change (and a short tick, for
 * time-based transitions) triggers a pass of the garbage collector, the workload controllers and the kubelet.
 */
final class ControlLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);
    private static final long TICK_MILLIS = 100;

    private final ObjectStore store;
    private final GarbageCollector garbageCollector;
    private final WorkloadControllers workloads;
    private final SimulatedKubelet kubelet;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean dirty = new AtomicBoolean(true);

    ControlLoop(ResourceRegistry registry, ObjectStore store, ResourceOperations operations, LogBook logBook,
            PracticeOptions options) {
        this.store = store;
        this.garbageCollector = new GarbageCollector(registry, store, operations);
        EventRecorder events = new EventRecorder(registry, store);
        this.workloads = new WorkloadControllers(registry, store, events);
        this.kubelet = new SimulatedKubelet(registry, store, logBook, events, options);
        this.thread = Executors.newSingleThreadScheduledExecutor(SimulatedCluster.daemonThreads("practice-controllers"));
    }

    void start() {
        store.addListener(e -> dirty.set(true));
        thread.scheduleWithFixedDelay(this::pass, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            boolean changed = dirty.getAndSet(false);
            if (changed) {
                garbageCollector.collect();
                workloads.reconcile();
            }
            kubelet.tick();
        } catch (RuntimeException e) {
            // One bad object must not stop the simulated control plane.
            LOG.warn("Practice controller pass failed", e);
        }
    }

    void stop() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
