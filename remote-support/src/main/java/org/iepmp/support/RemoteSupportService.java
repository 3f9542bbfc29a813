package org.iepmp.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.iepmp.support.api.RemoteSupport;
import org.iepmp.support.api.SupportAuditLog;
import org.iepmp.support.api.SupportErrorCode;
import org.iepmp.support.api.SupportException;
import org.iepmp.support.api.SupportSession;
import org.iepmp.support.api.SupportSessionRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consented, time-boxed screen-share session at a time, served by a VNC server bound to the
 * tailnet address only, with a fresh one-time password per session.
 */
public final class RemoteSupportService implements RemoteSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteSupportService.class);
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(10);

    private final VncServerLauncher launcher;
    private final OneTimePasswords passwords;
    private final SupportAuditLog audit;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Path runtimeDir;
    private final Consumer<SupportAuditLog.EndReason> onEnded;

    private SupportSession active;
    private Process server;
    private ScheduledFuture<?> deadlineTimer;

    public RemoteSupportService(VncServerLauncher launcher, OneTimePasswords passwords, SupportAuditLog audit,
                                Clock clock, ScheduledExecutorService scheduler, Path runtimeDir,
                                Consumer<SupportAuditLog.EndReason> onEnded) {
        this.launcher = launcher;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.scheduler = scheduler;
        this.runtimeDir = runtimeDir;
        this.onEnded = onEnded;
    }

    @Override
    public synchronized Optional<SupportSession> active() {
        return Optional.ofNullable(active);
    }

    @Override
    public synchronized SupportSession start(SupportSessionRequest request) {
        if (active != null) {
            throw new SupportException(SupportErrorCode.ALREADY_ACTIVE, "a session is already running");
        }
        requireSafeAddress(request.bindAddress());
        if (request.display() == null || request.display().isBlank()) {
            throw new SupportException(SupportErrorCode.NO_DISPLAY, "no X display to share");
        }
        if (listening(request)) {
            // Something else already serves this port; we would hand out a password for it.
            throw new SupportException(SupportErrorCode.START_FAILED, "port already in use " + request.port(), null,
                    request.bindAddress(), request.port());
        }
        String password = passwords.next();
        Path passwordFile = null;
        Process process;
        try {
            Files.createDirectories(runtimeDir);
            passwordFile = Files.createTempFile(runtimeDir, "vnc", ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            process = launcher.start(request, passwordFile, runtimeDir.resolve("x11vnc.log"));
        } catch (IOException e) {
            if (passwordFile != null) {
                deleteQuietly(passwordFile);
            }
            throw new SupportException(SupportErrorCode.NO_VNC_SERVER, "cannot start the VNC server", e);
        }
        if (!waitUntilListening(request, process)) {
            process.destroyForcibly();
            deleteQuietly(passwordFile);
            throw new SupportException(SupportErrorCode.START_FAILED, "VNC server did not start listening on "
                    + request.bindAddress() + ":" + request.port(), null, request.bindAddress(), request.port());
        }
        deleteQuietly(passwordFile);
        Instant now = clock.instant();
        active = new SupportSession(password, request.bindAddress(), request.port(), request.allowControl(), now,
                now.plus(request.duration()), request.peer());
        server = process;
        deadlineTimer = scheduler.schedule(() -> end(SupportAuditLog.EndReason.DEADLINE),
                request.duration().toMillis(), TimeUnit.MILLISECONDS);
        SupportSession started = active;
        try {
            audit.sessionStarted(active);
        } catch (RuntimeException e) {
            // No audit row, no session: the plant must always be able to see who had access when.
            active = null;
            server = null;
            deadlineTimer.cancel(false);
            stop(process);
            throw e;
        }
        process.onExit().thenRun(() -> end(SupportAuditLog.EndReason.SERVER_EXITED, started));
        LOG.info("Remote support started: {}", active);
        return active;
    }

    @Override
    public void endNow() {
        end(SupportAuditLog.EndReason.ENDED_BY_TECHNICIAN);
    }

    @Override
    public void close() {
        end(SupportAuditLog.EndReason.APP_EXIT);
    }

    private void end(SupportAuditLog.EndReason reason) {
        SupportSession current;
        synchronized (this) {
            current = active;
        }
        if (current != null) {
            end(reason, current);
        }
    }

    private void end(SupportAuditLog.EndReason reason, SupportSession which) {
        Process process;
        synchronized (this) {
            if (active == null || active != which) {
                return;
            }
            process = server;
            active = null;
            server = null;
            if (deadlineTimer != null) {
                deadlineTimer.cancel(false);
            }
        }
        stop(process);
        audit.sessionEnded(which, clock.instant(), reason);
        LOG.info("Remote support ended ({}): {}", reason, which);
        onEnded.accept(reason);
    }

    private static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Only a tailnet address (100.64.0.0/10, fd7a:115c:a1e0::/48) or loopback: never the
     * wildcard, never an address of the plant network.
     */
    static void requireSafeAddress(String address) {
        InetAddress parsed;
        try {
            parsed = address == null || address.isBlank() ? null : InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            parsed = null;
        }
        boolean safe = parsed != null && !parsed.isAnyLocalAddress()
                && (parsed.isLoopbackAddress() || isTailnet(parsed.getAddress()));
        if (!safe) {
            throw new SupportException(SupportErrorCode.NO_TAILNET_ADDRESS,
                    "refusing to listen on " + address, null, String.valueOf(address));
        }
    }

    private static boolean isTailnet(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        }
        return bytes.length == 16 && (bytes[0] & 0xff) == 0xfd && (bytes[1] & 0xff) == 0x7a
                && (bytes[2] & 0xff) == 0x11 && (bytes[3] & 0xff) == 0x5c
                && (bytes[4] & 0xff) == 0xa1 && (bytes[5] & 0xff) == 0xe0;
    }

    private boolean waitUntilListening(SupportSessionRequest request, Process process) {
        Instant limit = clock.instant().plus(STARTUP_LIMIT);
        while (clock.instant().isBefore(limit) && process.isAlive()) {
            if (listening(request)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean listening(SupportSessionRequest request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(request.bindAddress(), request.port()), 500);
            return true;
        } catch (IOException notListening) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}", file, e);
        }
    }
}
