package org.iepmp.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.iepmp.support.api.TailnetProbe;
import org.iepmp.support.api.TailnetStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the local tailscale CLI for its status, with a timeout; never throws for a missing or stopped daemon. */
public final class TailscaleProbe implements TailnetProbe {

    private static final Logger LOG = LoggerFactory.getLogger(TailscaleProbe.class);

    private final Path tailscaleBinary;
    private final TailscaleStatusParser parser;
    private final Duration timeout;

    public TailscaleProbe(Path tailscaleBinary, TailscaleStatusParser parser, Duration timeout) {
        this.tailscaleBinary = tailscaleBinary;
        this.parser = parser;
        this.timeout = timeout;
    }

    /** The binary on PATH, or {@code /usr/bin/tailscale} (where Debian's package puts it). */
    public static Path findOnPath() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "tailscale");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return Path.of("/usr/bin/tailscale");
    }

    @Override
    public TailnetStatus status() {
        if (!Files.isExecutable(tailscaleBinary)) {
            return TailnetStatus.of(TailnetStatus.State.NOT_INSTALLED);
        }
        Optional<String> status = run(List.of(tailscaleBinary.toString(), "status", "--json"));
        if (status.isEmpty()) {
            return TailnetStatus.of(TailnetStatus.State.DAEMON_NOT_RUNNING);
        }
        Optional<String> prefs = run(List.of(tailscaleBinary.toString(), "debug", "prefs"));
        try {
            return parser.parse(status.get(), prefs);
        } catch (IllegalArgumentException e) {
            LOG.warn("Unreadable tailscale status", e);
            return TailnetStatus.of(TailnetStatus.State.UNKNOWN);
        }
    }

    private Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            // Read concurrently with waiting: a full pipe would otherwise block the process forever.
            var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                LOG.warn("{} did not answer within {}", command, timeout);
                return Optional.empty();
            }
            String text = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // `tailscale status --json` exits non-zero when the daemon is stopped but still prints JSON.
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("Cannot run {}", command, e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
