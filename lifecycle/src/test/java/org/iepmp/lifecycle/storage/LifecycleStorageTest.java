package org.iepmp.lifecycle.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class LifecycleStorageTest {

    @TempDir
    Path dir;

    @Test
    void dataFolderFollowsTheEnvironment() {
        Path home = Path.of("/home/anna");
        assertThat(LifecyclePaths.fromEnvironment(Map.of(), home).dataDir()).isEqualTo(Path.of("/home/anna/.local/share/iepmp"));
        assertThat(LifecyclePaths.fromEnvironment(Map.of("XDG_DATA_HOME", "/data"), home).dataDir()).isEqualTo(Path.of("/data/iepmp"));
        assertThat(LifecyclePaths.fromEnvironment(Map.of("XDG_DATA_HOME", "/data", "IEPMP_DATA_HOME", "/media/usb/iepmp"), home)
                .historyFile()).isEqualTo(Path.of("/media/usb/iepmp/history.db"));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void opensEverythingAndMarksWhatAPreviousRunLeftRunning() throws Exception {
        LifecyclePaths paths = new LifecyclePaths(dir.resolve("iepmp"));
        long op;
        try (LifecycleStorage first = LifecycleStorage.open(paths, false, ProcessIdentity.current(), Clock.systemUTC())) {
            op = first.history().beginOperation(new NewOperation("uid", new Actor("op", null), Reason.NONE, Instant.now(),
                    OperationAction.INSTALL, "mes", null, "iepmp", null, null, "1.0.0", null, null, null, null));
            String digest = first.archives().put(new ByteArrayInputStream(new byte[] {1, 2, 3}));
            assertThat(Files.exists(first.archives().get(digest))).isTrue();
            first.localLock().acquire("uid", Duration.ofMinutes(1)).release();
        }
        try (LifecycleStorage second = LifecycleStorage.open(paths, false, ProcessIdentity.current(), Clock.systemUTC())) {
            assertThat(second.interruptedAtOpen()).isEqualTo(1);
            assertThat(second.history().operation(op).orElseThrow().outcome()).isEqualTo(OperationOutcome.INTERRUPTED);
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.secretKeyFile()))).isEqualTo("rw-------");
    }
}
