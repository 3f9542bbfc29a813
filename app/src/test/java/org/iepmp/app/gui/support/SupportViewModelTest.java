package org.iepmp.app.gui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.zip.ZipFile;
import org.iepmp.support.OneTimePasswords;
import org.iepmp.support.RemoteSupportService;
import org.iepmp.support.api.SupportAuditLog;
import org.iepmp.support.api.SupportBundle;
import org.iepmp.support.SupportBundleBuilder;
import org.iepmp.support.api.SupportErrorCode;
import org.iepmp.support.api.SupportException;
import org.iepmp.support.api.SupportSession;
import org.iepmp.support.api.TailnetStatus;
import org.iepmp.support.TailscaleProbe;
import org.iepmp.support.TailscaleStatusParser;
import org.iepmp.app.task.DirectTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Support section on the calling thread: the tailnet as a stand-in {@code tailscale} reports it,
 * what a session start needs, and the support bundle from its source to the saved file.
 */
class SupportViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");

    @TempDir
    Path dir;

    private final List<String> snapshots = new ArrayList<>();
    private final List<SupportAuditLog.EndReason> audited = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private RemoteSupportService sessions;

    @BeforeEach
    void service() {
        sessions = new RemoteSupportService((request, passwordFile, logFile) -> {
            throw new IOException("no VNC server in this test");
        }, new OneTimePasswords(new SecureRandom()), new SupportAuditLog() {
            @Override
            public void sessionStarted(SupportSession session) {
            }

            @Override
            public void sessionEnded(SupportSession session, Instant endedAt, SupportAuditLog.EndReason reason) {
                audited.add(reason);
            }
        }, Clock.systemUTC(), timer, dir.resolve("runtime"), audited::add);
    }

    @AfterEach
    void stop() {
        sessions.close();
        timer.shutdownNow();
    }

    private SupportViewModel model(Path tailscale, SupportViewModel.BundleSource source) {
        return new SupportViewModel(new TailscaleProbe(tailscale, new TailscaleStatusParser(List.of("tag:iepmp-support")),
                Duration.ofSeconds(5)), sessions, new DirectTaskExecutor(error -> {
                    throw new AssertionError(error);
                }), Clock.fixed(NOW, ZoneOffset.UTC), "", source);
    }

    private SupportViewModel model(Path tailscale) {
        return model(tailscale, () -> {
            throw new AssertionError("no bundle in this test");
        });
    }

    /** A {@code tailscale} that answers {@code status --json} and {@code debug prefs} from the parser's fixtures. */
    private Path runningTailscale() throws IOException {
        Path status = copy("status-running.json");
        Path prefs = copy("prefs.json");
        Path script = dir.resolve("tailscale");
        Files.writeString(script, "#!/bin/sh\nif [ \"$1\" = status ]; then cat '" + status + "'; else cat '" + prefs + "'; fi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private Path copy(String fixture) throws IOException {
        try (InputStream in = TailscaleStatusParser.class.getResourceAsStream(fixture)) {
            Path target = dir.resolve(fixture);
            Files.write(target, in.readAllBytes());
            return target;
        }
    }

    private SupportBundle bundle(String settings) throws IOException {
        return new SupportBundleBuilder(List.of()).build("1.0.0", settings, List.of(), List.of(), Optional.empty(), List.of(),
                dir.resolve("logs"), NOW);
    }

    @Test
    void withoutTailscaleTheStatusSaysSoAndNoSessionStarts() {
        SupportViewModel model = model(dir.resolve("no-tailscale"));

        model.refreshTailnet();
        assertThat(model.tailnetProperty().get().state()).isEqualTo(TailnetStatus.State.NOT_INSTALLED);

        model.start();
        assertThat(model.sessionProperty().get()).isNull();
        assertThat(((SupportException) model.failureProperty().get()).code()).isEqualTo(SupportErrorCode.NO_TAILNET_ADDRESS);
        assertThat(model.remaining()).isEqualTo(Duration.ZERO);
    }

    @Test
    void onTheTailnetTheSessionIsAskedForOnItsAddressAndTheServiceDecides() throws IOException {
        SupportViewModel model = model(runningTailscale());

        model.refreshTailnet();
        assertThat(model.tailnetProperty().get().ipv4Address()).contains("100.64.0.12");

        model.durationProperty().set(Duration.ofMinutes(30));
        model.start();
        assertThat(((SupportException) model.failureProperty().get()).code())
                .as("past the tailnet check: the service refuses a session without a display").isEqualTo(SupportErrorCode.NO_DISPLAY);
        assertThat(model.sessionProperty().get()).isNull();
    }

    @Test
    void aSessionEndedByTheServiceIsShownWithItsReason() {
        SupportViewModel model = model(dir.resolve("no-tailscale"));

        model.sessionEnded(SupportAuditLog.EndReason.DEADLINE);

        assertThat(model.sessionProperty().get()).isNull();
        assertThat(model.lastEndProperty().get()).isEqualTo(SupportAuditLog.EndReason.DEADLINE);
    }

    @Test
    void theBundleIsSnapshotFirstThenBuiltThenSavedWhereChosen() throws Exception {
        SupportViewModel model = model(dir.resolve("no-tailscale"), () -> {
            snapshots.add("snapshot");
            return () -> {
                snapshots.add("built");
                return bundle("theme=DARK\n");
            };
        });
        Path target = dir.resolve("bundle.zip");
        model.saveBundle(target);
        assertThat(target).as("nothing prepared, nothing saved").doesNotExist();

        model.prepareBundle();
        assertThat(snapshots).containsExactly("snapshot", "built");
        assertThat(model.bundleProperty().get()).isNotNull();

        model.saveBundle(target);
        assertThat(model.savedBundleProperty().get()).isEqualTo(target);
        try (ZipFile zip = new ZipFile(target.toFile())) {
            assertThat(zip.size()).isEqualTo(model.bundleProperty().get().entries().size() + 1);
        }
    }

    @Test
    void aBundleThatCannotBeBuiltIsShownAsAFailure() {
        SupportViewModel model = model(dir.resolve("no-tailscale"), () -> () -> {
            throw new IOException("log folder unreadable");
        });

        model.prepareBundle();

        assertThat(model.bundleProperty().get()).isNull();
        assertThat(model.failureProperty().get()).hasMessage("log folder unreadable");
    }
}
