package org.iepmp.lifecycle.lock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iepmp.lifecycle.api.ClusterLock;
import org.iepmp.lifecycle.api.ClusterLockHandle;
import org.iepmp.lifecycle.api.LockHolder;

/**
 * Takes several locks in order (local file first: cheap, and keeps two consoles on this
 * computer from racing for the Lease), releasing what it already holds when a later one refuses.
 */
public final class LayeredClusterLock implements ClusterLock {

    private final List<ClusterLock> layers;

    public LayeredClusterLock(List<ClusterLock> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("At least one lock");
        }
        this.layers = List.copyOf(layers);
    }

    @Override
    public ClusterLockHandle acquire(String clusterId, Duration ttl) {
        List<ClusterLockHandle> held = new ArrayList<>();
        try {
            for (ClusterLock layer : layers) {
                held.add(layer.acquire(clusterId, ttl));
            }
        } catch (RuntimeException e) {
            releaseInReverse(held);
            throw e;
        }
        return new Handles(held);
    }

    /** The first layer that names a holder (the local lock first). */
    @Override
    public Optional<LockHolder> holder(String clusterId) {
        for (ClusterLock layer : layers) {
            Optional<LockHolder> holder = layer.holder(clusterId);
            if (holder.isPresent()) {
                return holder;
            }
        }
        return Optional.empty();
    }

    private static void releaseInReverse(List<ClusterLockHandle> handles) {
        for (int i = handles.size() - 1; i >= 0; i--) {
            handles.get(i).release();
        }
    }

    private record Handles(List<ClusterLockHandle> handles) implements ClusterLockHandle {
        @Override
        public LockHolder holder() {
            return handles.get(0).holder();
        }

        @Override
        public void renew() {
            handles.forEach(ClusterLockHandle::renew);
        }

        @Override
        public void release() {
            releaseInReverse(handles);
        }
    }
}
