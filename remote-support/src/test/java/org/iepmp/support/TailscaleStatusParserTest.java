package org.iepmp.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.iepmp.support.api.TailnetPeer;
import org.iepmp.support.api.TailnetStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailscaleStatusParserTest {

    private final TailscaleStatusParser parser = new TailscaleStatusParser(List.of("tag:iepmp-support"));

    private static String fixture(String name) throws IOException {
        try (InputStream in = TailscaleStatusParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void runningNodeWithSupportPeers() throws IOException {
        TailnetStatus status = parser.parse(fixture("status-running.json"), Optional.of(fixture("prefs.json")));
        assertThat(status.connected()).isTrue();
        assertThat(status.controlUrl()).contains("https://headscale.vendor.example");
        assertThat(status.hostName()).isEqualTo("ipc-line3");
        assertThat(status.dnsName()).isEqualTo("ipc-line3.plant-taoyuan.vendor.example");
        assertThat(status.ipv4Address()).contains("100.64.0.12");
        assertThat(status.tailnetName()).isEqualTo("plant-taoyuan");
        assertThat(status.peers()).extracting(TailnetPeer::hostName)
                .containsExactly("ipc-line4", "support-alice", "support-bob");
        assertThat(status.onlineSupportPeers()).extracting(TailnetPeer::hostName).containsExactly("support-alice");
        assertThat(status.health()).hasSize(1);
    }

    @Test
    void loggedOutNode() throws IOException {
        TailnetStatus status = parser.parse(fixture("status-needs-login.json"), Optional.empty());
        assertThat(status.state()).isEqualTo(TailnetStatus.State.NEEDS_LOGIN);
        assertThat(status.connected()).isFalse();
        assertThat(status.ipv4Address()).isEmpty();
        assertThat(status.peers()).isEmpty();
        assertThat(status.controlUrl()).isEmpty();
    }

    @Test
    void garbageIsRejectedClearly() {
        assertThatThrownBy(() -> parser.parse("<html>not json</html>", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parser.parse("[1,2]", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingTailscaleIsReportedNotThrown(@TempDir Path dir) {
        TailscaleProbe probe = new TailscaleProbe(dir.resolve("tailscale"), parser, Duration.ofSeconds(2));
        assertThat(probe.status().state()).isEqualTo(TailnetStatus.State.NOT_INSTALLED);
    }

    @Test
    void probeRunsTheCliAndParsesItsOutput(@TempDir Path dir) throws IOException {
        // A stand-in tailscale CLI printing the recorded samples, so the process handling is real.
        Path fake = dir.resolve("tailscale");
        Files.copy(TailscaleStatusParserTest.class.getResourceAsStream("status-running.json"), dir.resolve("status.json"));
        Files.copy(TailscaleStatusParserTest.class.getResourceAsStream("prefs.json"), dir.resolve("prefs.json"));
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = status ]; then cat '" + dir.resolve("status.json")
                + "'; else cat '" + dir.resolve("prefs.json") + "'; fi\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        TailnetStatus status = new TailscaleProbe(fake, parser, Duration.ofSeconds(5)).status();
        assertThat(status.connected()).isTrue();
        assertThat(status.controlUrl()).contains("https://headscale.vendor.example");
    }

    @Test
    void hangingCliTimesOut(@TempDir Path dir) throws IOException {
        Path fake = dir.resolve("tailscale");
        Files.writeString(fake, "#!/bin/sh\nsleep 30\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        TailnetStatus status = new TailscaleProbe(fake, parser, Duration.ofMillis(500)).status();
        assertThat(status.state()).isEqualTo(TailnetStatus.State.DAEMON_NOT_RUNNING);
    }
}
