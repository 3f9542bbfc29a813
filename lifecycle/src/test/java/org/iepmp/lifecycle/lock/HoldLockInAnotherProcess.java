package org.iepmp.lifecycle.lock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.iepmp.lifecycle.support.ProcessIdentity;

/** Run as a separate JVM by {@link LocalFileClusterLockTest}: takes the lock, says so with a file, and holds it until killed. */
public final class HoldLockInAnotherProcess {

    private HoldLockInAnotherProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        new LocalFileClusterLock(folder, ProcessIdentity.current(), Clock.systemUTC()).acquire(args[1], Duration.ofMinutes(5));
        Files.writeString(folder.resolve("ready"), "locked");
        Thread.sleep(60_000);
    }
}
