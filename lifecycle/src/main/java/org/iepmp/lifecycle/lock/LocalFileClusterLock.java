package org.iepmp.lifecycle.lock;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.iepmp.lifecycle.api.ClusterLock;
import org.iepmp.lifecycle.api.ClusterLockHandle;
import org.iepmp.lifecycle.api.ClusterLockHeldException;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.LockHolder;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operation per cluster on this computer: an OS file lock on {@code <locks>/<cluster>.lock},
 * with the holder written beside it as JSON so a refused console can say who and since when.
 * The OS drops the lock when its process dies, so a crashed console never blocks the next one;
 * the ttl here is informational (the in-cluster Lease is the one that expires).
 */
public final class LocalFileClusterLock implements ClusterLock {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFileClusterLock.class);

    private final Path folder;
    private final ProcessIdentity process;
    private final Clock clock;
    private final HolderFile holders = new HolderFile();

    public LocalFileClusterLock(Path folder, ProcessIdentity process, Clock clock) {
        this.folder = folder.toAbsolutePath();
        this.process = process;
        this.clock = clock;
    }

    @Override
    public ClusterLockHandle acquire(String clusterId, Duration ttl) {
        String name = fileNameOf(clusterId);
        Path lockFile = folder.resolve(name + ".lock");
        Path holderFile = folder.resolve(name + ".holder.json");
        FileChannel channel = null;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // Held by another handle in this very process.
                lock = null;
            }
            if (lock == null) {
                channel.close();
                LockHolder holder = holders.read(holderFile).orElseGet(() -> unknownHolder(clusterId, ttl));
                throw new ClusterLockHeldException(lockFile.toString(), holder);
            }
            Instant now = clock.instant();
            LockHolder me = new LockHolder(clusterId, process.holderIdentity(), process.user(), process.host(), process.pid(), now, now, ttl);
            holders.write(holderFile, me);
            return new Handle(channel, lock, lockFile, holderFile, me);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new LifecycleException(LifecycleErrorCode.LOCK_UNAVAILABLE, "Cannot use lock file: " + e.getMessage(), e, lockFile);
        }
    }

    /** Held when the OS lock cannot be taken; the holder note beside it says who. */
    @Override
    public Optional<LockHolder> holder(String clusterId) {
        String name = fileNameOf(clusterId);
        Path lockFile = folder.resolve(name + ".lock");
        Path holderFile = folder.resolve(name + ".holder.json");
        if (!Files.exists(lockFile)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                probe = null;
            }
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return Optional.of(holders.read(holderFile).orElseGet(() -> unknownHolder(clusterId, Duration.ZERO)));
        } catch (IOException e) {
            throw new LifecycleException(LifecycleErrorCode.LOCK_UNAVAILABLE, "Cannot read lock file: " + e.getMessage(), e, lockFile);
        }
    }

    /** Cluster identities are UIDs, but a file name must never be able to escape the folder. */
    static String fileNameOf(String clusterId) {
        String safe = clusterId.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "cluster" + safe : safe;
    }

    private LockHolder unknownHolder(String clusterId, Duration ttl) {
        Instant now = clock.instant();
        return new LockHolder(clusterId, "unknown", "?", "?", -1, now, now, ttl);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing lock channel failed", e);
            }
        }
    }

    private final class Handle implements ClusterLockHandle {
        private final FileChannel channel;
        private final FileLock lock;
        private final Path lockFile;
        private final Path holderFile;
        private LockHolder holder;
        private boolean released;

        Handle(FileChannel channel, FileLock lock, Path lockFile, Path holderFile, LockHolder holder) {
            this.channel = channel;
            this.lock = lock;
            this.lockFile = lockFile;
            this.holderFile = holderFile;
            this.holder = holder;
        }

        @Override
        public synchronized LockHolder holder() {
            return holder;
        }

        @Override
        public synchronized void renew() {
            if (released || !lock.isValid()) {
                throw new LifecycleException(LifecycleErrorCode.LOCK_LOST, "Local lock no longer held", lockFile);
            }
            holder = holder.renewed(clock.instant());
            try {
                holders.write(holderFile, holder);
            } catch (IOException e) {
                // The OS lock is what counts; the holder file only informs others.
                LOG.warn("Cannot update lock holder file {}: {}", holderFile, e.getMessage());
            }
        }

        @Override
        public synchronized void release() {
            if (released) {
                return;
            }
            released = true;
            try {
                // Delete the holder note first, while the lock still keeps others from writing theirs.
                Files.deleteIfExists(holderFile);
                lock.release();
            } catch (IOException e) {
                LOG.warn("Releasing lock {} failed: {}", lockFile, e.getMessage());
            } finally {
                closeQuietly(channel);
            }
        }
    }
}
