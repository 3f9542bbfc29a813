package org.iepmp.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.support.api.BundleCluster;
import org.iepmp.support.api.BundleEvent;
import org.iepmp.support.api.BundleNode;
import org.iepmp.support.api.BundleRelease;
import org.iepmp.support.api.BundleRepository;
import org.iepmp.support.api.BundleWorkload;
import org.iepmp.support.api.SupportBundle;

/**
 * Assembles a support bundle from what the console already knows. Every text passes through the
 * {@link Redactor}; repository entries carry their sign-in method, never the credentials.
 */
public final class SupportBundleBuilder {

    /** The last part of the app log that goes into a bundle. */
    static final int MAX_LOG_BYTES = 2 * 1024 * 1024;

    private final Redactor redactor;

    public SupportBundleBuilder(Collection<String> knownSecrets) {
        this.redactor = new Redactor(knownSecrets);
    }

    public SupportBundle build(String appVersion, String settings, List<BundleRepository> repositories,
                               List<OperationRecord> history, Optional<BundleCluster> facts,
                               List<BundleRelease> releases, Path logDir, Instant now) throws IOException {
        return build(appVersion, settings, repositories, history, facts, releases, Map.of(), logDir, now);
    }

    /** @param podLogs the chosen package's pod logs (pod name → last lines); empty when no package was chosen */
    public SupportBundle build(String appVersion, String settings, List<BundleRepository> repositories,
                               List<OperationRecord> history, Optional<BundleCluster> facts,
                               List<BundleRelease> releases, Map<String, List<String>> podLogs, Path logDir,
                               Instant now) throws IOException {
        List<SupportBundle.Entry> bundle = new ArrayList<>();
        bundle.add(SupportBundle.Entry.text("application.txt", "app version and settings (no credentials)", redactor.redact(
                "IEPMP Console " + appVersion + "\ncreated " + now + "\njava " + System.getProperty("java.version")
                        + "\nos " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                        + "\n\n" + settings)));
        bundle.add(SupportBundle.Entry.text("repositories.txt", "configured repositories (sign-in method only)",
                redactor.redact(repositories(repositories))));
        bundle.add(SupportBundle.Entry.text("history.txt", "last operations, secret values masked",
                redactor.redact(history(history))));
        bundle.add(SupportBundle.Entry.text("cluster-facts.txt", "cluster and node facts", redactor.redact(cluster(facts))));
        bundle.add(SupportBundle.Entry.text("releases.txt",
                "installed releases, health, reasons, recent events and last log lines", redactor.redact(releases(releases))));
        if (!podLogs.isEmpty()) {
            StringBuilder logs = new StringBuilder();
            podLogs.forEach((pod, lines) -> {
                logs.append("== ").append(pod).append('\n');
                lines.forEach(line -> logs.append(line).append('\n'));
            });
            bundle.add(SupportBundle.Entry.text("pod-logs.txt", "pod logs of the chosen package",
                    redactor.redact(logs.toString())));
        }
        bundle.add(SupportBundle.Entry.text("app-log.txt", "the end of the app log", redactor.redact(log(logDir))));
        return new SupportBundle(bundle);
    }

    private static String repositories(List<BundleRepository> repositories) {
        StringBuilder text = new StringBuilder();
        for (BundleRepository r : repositories) {
            text.append(r.name()).append(": ").append(r.type()).append(" over ").append(r.transport()).append(" at ")
                    .append(r.location()).append(", origin ").append(r.origin()).append(", sign-in ").append(r.signIn())
                    .append(r.caCertificate() == null ? "" : ", CA " + r.caCertificate())
                    .append(r.enabled() ? "" : ", switched off").append('\n');
        }
        return text.length() == 0 ? "none\n" : text.toString();
    }

    private static String history(List<OperationRecord> rows) {
        StringBuilder text = new StringBuilder();
        for (OperationRecord r : rows) {
            text.append(r.startedAt()).append("  ").append(r.action()).append(' ').append(r.packageName())
                    .append(' ').append(r.fromVersion() == null ? "-" : r.fromVersion()).append(" -> ")
                    .append(r.toVersion() == null ? "-" : r.toVersion()).append("  ").append(r.outcome())
                    .append("  by ").append(r.actor().osUser())
                    .append(r.errorCode() == null ? "" : "  error " + r.errorCode() + ": " + r.errorMessage())
                    .append('\n');
            if (r.maskedValuesJson() != null && !r.maskedValuesJson().isBlank()) {
                text.append("    values ").append(r.maskedValuesJson()).append('\n');
            }
            if (!r.planSummary().isBlank()) {
                text.append("    plan ").append(r.planSummary().replace("\n", "\n         ")).append('\n');
            }
        }
        return text.length() == 0 ? "no operations recorded\n" : text.toString();
    }

    private static String cluster(Optional<BundleCluster> facts) {
        if (facts.isEmpty()) {
            return "not connected\n";
        }
        BundleCluster f = facts.get();
        StringBuilder text = new StringBuilder("server " + f.serverVersion() + " " + f.platform() + "\nidentity "
                + f.identity() + "\nclock skew " + f.clockSkew().map(Object::toString).orElse("unknown") + "\n");
        for (BundleNode n : f.nodes()) {
            text.append("node ").append(n.name()).append(n.ready() ? " Ready" : " NotReady: " + n.readyMessage())
                    .append(", cpu ").append(n.cpuAllocatableMillis()).append('/').append(n.cpuCapacityMillis())
                    .append("m, memory ").append(n.memoryAllocatableBytes()).append('/').append(n.memoryCapacityBytes())
                    .append(" B, kubelet ").append(n.kubeletVersion()).append(", ").append(n.osImage())
                    .append(n.diskPressure() ? ", DISK PRESSURE" : "").append(n.memoryPressure() ? ", MEMORY PRESSURE" : "")
                    .append('\n');
        }
        return text.toString();
    }

    private static String releases(List<BundleRelease> releases) {
        StringBuilder text = new StringBuilder();
        for (BundleRelease r : releases) {
            text.append(r.namespace()).append('/').append(r.name()).append(": ").append(r.chartName()).append(' ')
                    .append(r.chartVersion()).append(", revision ").append(r.revision()).append(", ").append(r.status())
                    .append('\n');
            if (r.health().isEmpty()) {
                text.append("  health unknown\n");
                continue;
            }
            for (BundleWorkload w : r.health().get().workloads()) {
                text.append("  ").append(w.workload()).append(": ").append(w.ready()).append('/').append(w.desired())
                        .append(' ').append(w.reason()).append(' ').append(w.params()).append('\n');
                w.lastLogLines().forEach(line -> text.append("    | ").append(line).append('\n'));
            }
            for (BundleEvent e : r.health().get().events()) {
                text.append("  event ").append(e.warning() ? "Warning " : "Normal ").append(e.objectKind()).append(' ')
                        .append(e.objectName()).append(": ").append(e.reason()).append(" ").append(e.message())
                        .append(" (x").append(e.count()).append(")\n");
            }
        }
        return text.length() == 0 ? "none\n" : text.toString();
    }

    private static String log(Path logDir) throws IOException {
        Path log = logDir.resolve("iepmp.log");
        if (!Files.isRegularFile(log)) {
            try (Stream<Path> files = Files.exists(logDir) ? Files.list(logDir) : Stream.empty()) {
                return "no current log file; folder holds: " + files.map(p -> p.getFileName().toString()).toList() + "\n";
            }
        }
        byte[] all = Files.readAllBytes(log);
        int from = Math.max(0, all.length - MAX_LOG_BYTES);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }
}
