package org.iepmp.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.iepmp.support.api.SupportAuditLog;
import org.iepmp.support.api.SupportErrorCode;
import org.iepmp.support.api.SupportException;
import org.iepmp.support.api.SupportSession;
import org.iepmp.support.api.SupportSessionRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real x11vnc on a real Xvfb display, bound to a loopback test address: the RFB handshake works
 * there and nowhere else; the session stops at its deadline and on End now; audit rows are written.
 * Skipped where Xvfb or x11vnc is not installed (.ci/run installs both).
 */
class RemoteSupportServiceTest {

    private static final Path XVFB = Path.of("/usr/bin/Xvfb");
    private static final Path X11VNC = Path.of("/usr/bin/x11vnc");

    private static Process xvfb;
    private static String display;

    @TempDir
    Path runtime;

    private final List<String> audit = new CopyOnWriteArrayList<>();
    private final List<SupportAuditLog.EndReason> ended = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private RemoteSupportService service;

    @BeforeAll
    static void startDisplay() throws Exception {
        assumeTrue(Files.isExecutable(XVFB) && Files.isExecutable(X11VNC), "Xvfb and x11vnc are needed");
        int number = 40;
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + number)) || Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
            number++;
        }
        display = ":" + number;
        xvfb = new ProcessBuilder(XVFB.toString(), display, "-screen", "0", "640x480x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 50 && !Files.exists(Path.of("/tmp/.X11-unix/X" + number)); i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopDisplay() {
        if (xvfb != null) {
            xvfb.destroy();
        }
    }

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.close();
        }
        scheduler.shutdownNow();
    }

    private RemoteSupportService service() {
        SupportAuditLog log = new SupportAuditLog() {
            @Override
            public void sessionStarted(SupportSession session) {
                audit.add("start " + session.bindAddress() + " control=" + session.allowControl() + " peer=" + session.peer());
            }

            @Override
            public void sessionEnded(SupportSession session, Instant endedAt, EndReason reason) {
                audit.add("end " + reason);
            }
        };
        service = new RemoteSupportService(new X11VncLauncher(X11VNC), new OneTimePasswords(new SecureRandom()), log,
                Clock.systemUTC(), scheduler, runtime, ended::add);
        return service;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String handshake(String address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void serverAnswersOnlyOnTheGrantedAddressAndEndsOnRequest() throws Exception {
        int port = freePort();
        SupportSession session = service().start(new SupportSessionRequest(Duration.ofMinutes(15), false,
                "127.0.0.1", port, display, "support-alice"));
        assertThat(session.oneTimePassword()).hasSize(8);
        assertThat(session.toString()).doesNotContain(session.oneTimePassword());
        assertThat(handshake("127.0.0.1", port)).startsWith("RFB 003.");
        assertThatThrownBy(() -> handshake("127.0.0.2", port)).isInstanceOf(ConnectException.class);
        assertThat(runtime).isDirectoryNotContaining("glob:**.pw");

        service.endNow();
        assertThatThrownBy(() -> handshake("127.0.0.1", port)).isInstanceOf(IOException.class);
        assertThat(service.active()).isEmpty();
        assertThat(audit).containsExactly("start 127.0.0.1 control=false peer=support-alice", "end ENDED_BY_TECHNICIAN");
        assertThat(ended).containsExactly(SupportAuditLog.EndReason.ENDED_BY_TECHNICIAN);
    }

    @Test
    void sessionStopsByItselfAtTheDeadline() throws Exception {
        int port = freePort();
        service().start(new SupportSessionRequest(Duration.ofSeconds(2), true, "127.0.0.1", port, display, ""));
        assertThat(handshake("127.0.0.1", port)).startsWith("RFB 003.");
        for (int i = 0; i < 100 && ended.isEmpty(); i++) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertThat(ended).containsExactly(SupportAuditLog.EndReason.DEADLINE);
        assertThatThrownBy(() -> handshake("127.0.0.1", port)).isInstanceOf(IOException.class);
        assertThat(audit).last().isEqualTo("end DEADLINE");
    }

    @Test
    void refusesWildcardAndLanAddressesAndStartsNothing() {
        RemoteSupportService refusing = service();
        for (String address : List.of("0.0.0.0", "192.168.1.20", "10.0.0.5", "::", "")) {
            assertThatThrownBy(() -> refusing.start(new SupportSessionRequest(Duration.ofMinutes(15), false, address,
                    5900, display, ""))).isInstanceOf(SupportException.class)
                    .extracting(e -> ((SupportException) e).code()).isEqualTo(SupportErrorCode.NO_TAILNET_ADDRESS);
        }
        assertThat(audit).isEmpty();
        RemoteSupportService.requireSafeAddress("100.64.0.12");
        RemoteSupportService.requireSafeAddress("fd7a:115c:a1e0::c");
    }

    @Test
    void missingVncServerIsAClearRefusal() throws IOException {
        service = new RemoteSupportService(new X11VncLauncher(runtime.resolve("no-x11vnc")),
                new OneTimePasswords(new SecureRandom()), new SupportAuditLog() {
                    @Override
                    public void sessionStarted(SupportSession session) {
                        audit.add("start");
                    }

                    @Override
                    public void sessionEnded(SupportSession session, Instant endedAt, EndReason reason) {
                        audit.add("end");
                    }
                }, Clock.systemUTC(), scheduler, runtime, ended::add);
        int port = freePort();
        assertThatThrownBy(() -> service.start(new SupportSessionRequest(Duration.ofMinutes(15), false, "127.0.0.1",
                port, display, ""))).isInstanceOf(SupportException.class)
                .extracting(e -> ((SupportException) e).code()).isEqualTo(SupportErrorCode.NO_VNC_SERVER);
        assertThat(audit).isEmpty();
        assertThat(runtime).isDirectoryNotContaining("glob:**.pw");
    }
}
