package org.iepmp.kube.health;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.iepmp.kube.api.ClusterEvent;
import org.iepmp.kube.api.HealthReason;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseHealthReader;
import org.iepmp.kube.api.WorkloadHealth;
import org.iepmp.kube.api.WorkloadRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ReleaseHealthReader} on fabric8, by polling (a lost watch cannot make it hang). */
public final class Fabric8ReleaseHealth implements ReleaseHealthReader, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Fabric8ReleaseHealth.class);
    static final int MAX_EVENTS = 20;

    private final KubernetesClient client;
    private final WorkloadLocator locator;
    private final Clock clock;
    private final Duration pollInterval;
    private final int logLines;
    private final TimeBoundRunner runner;

    /**
     * @param inventory  objects the manifest driver recorded for (release, namespace)
     * @param logLines   how many log lines of a crashing container to include
     */
    public Fabric8ReleaseHealth(KubernetesClient client, String server, Clock clock, Duration pollInterval, int logLines,
            BiFunction<String, String, Collection<WorkloadRef>> inventory) {
        this.client = client;
        this.locator = new WorkloadLocator(client, inventory);
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.logLines = logLines;
        this.runner = new TimeBoundRunner("release-health", server);
    }

    @Override
    public ReleaseHealth health(String release, String namespace, Duration timeout) {
        return runner.run("health of " + namespace + "/" + release, timeout, () -> observe(release, namespace));
    }

    @Override
    public ReleaseHealth waitUntilHealthy(String release, String namespace, Duration timeout,
            Consumer<ReleaseHealth> progress) {
        Instant deadline = clock.instant().plus(timeout);
        ReleaseHealth last = null;
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                if (last == null) {
                    throw new KubeException(KubeErrorCode.TIMEOUT, "no health observation within " + timeout, "", "");
                }
                return last;
            }
            try {
                last = health(release, namespace, left);
            } catch (KubeException e) {
                if (e.code() != KubeErrorCode.TIMEOUT || last == null) {
                    throw e;
                }
                return last;
            }
            progress.accept(last);
            if (last.healthy()) {
                return last;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(pollInterval.toMillis(), Duration.between(clock.instant(), deadline).toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KubeException(KubeErrorCode.CANCELLED, "waiting for health cancelled", e, "", "");
            }
        }
    }

    private ReleaseHealth observe(String release, String namespace) {
        List<WorkloadRef> workloads = locator.locate(release, namespace);
        List<Event> events = client.v1().events().inNamespace(namespace).list().getItems();
        List<WorkloadHealth> healths = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (WorkloadRef ref : workloads) {
            WorkloadHealth health = inspect(ref, events);
            healths.add(health);
            names.add(ref.name());
            names.addAll(health.pods());
        }
        return new ReleaseHealth(release, namespace, healths, relevantEvents(events, names), clock.instant());
    }

    private WorkloadHealth inspect(WorkloadRef ref, List<Event> events) {
        Optional<WorkloadStatus> status = read(ref);
        if (status.isEmpty()) {
            // Listed by Helm or the inventory but gone from the cluster: nothing will become ready.
            return new WorkloadHealth(ref, 0, 1, HealthReason.ROLLING_OUT, List.of(ref.display(), "0", "1"), List.of(), List.of());
        }
        WorkloadStatus s = status.get();
        List<Pod> pods = podsOf(ref.namespace(), s.selector());
        List<String> podNames = pods.stream().map(p -> p.getMetadata().getName()).sorted().toList();
        String ready = String.valueOf(s.ready());
        String desired = String.valueOf(s.desired());
        if (s.jobFailed().isPresent()) {
            return new WorkloadHealth(ref, s.ready(), s.desired(), HealthReason.JOB_FAILED,
                    List.of(ref.display(), s.jobFailed().get()), podNames, lastLogsOfAnyCrash(pods, events));
        }
        if (s.settled()) {
            return new WorkloadHealth(ref, s.ready(), s.desired(), HealthReason.HEALTHY, List.of(ref.display(), ready, desired),
                    podNames, List.of());
        }
        for (Pod pod : pods) {
            Optional<PodDiagnosis.Finding> finding = PodDiagnosis.diagnose(pod, events);
            if (finding.isPresent()) {
                PodDiagnosis.Finding f = finding.get();
                List<String> params = new ArrayList<>();
                params.add(ref.display());
                params.addAll(f.details());
                List<String> logs = f.reason() == HealthReason.CRASHING
                        ? lastLog(ref.namespace(), f.pod(), f.container()) : List.of();
                return new WorkloadHealth(ref, s.ready(), s.desired(), f.reason(), params, podNames, logs);
            }
        }
        if (s.stuck().isPresent()) {
            return new WorkloadHealth(ref, s.ready(), s.desired(), HealthReason.ROLLOUT_STUCK,
                    List.of(ref.display(), s.stuck().get()), podNames, List.of());
        }
        if (s.isJob()) {
            return new WorkloadHealth(ref, s.ready(), s.desired(), HealthReason.JOB_RUNNING, List.of(ref.display(), ready, desired),
                    podNames, List.of());
        }
        return new WorkloadHealth(ref, s.ready(), s.desired(), HealthReason.ROLLING_OUT, List.of(ref.display(), ready, desired),
                podNames, List.of());
    }

    private Optional<WorkloadStatus> read(WorkloadRef ref) {
        String ns = ref.namespace();
        return switch (ref.kind()) {
            case "Deployment" -> Optional.ofNullable(client.apps().deployments().inNamespace(ns).withName(ref.name()).get())
                    .map(WorkloadStatus::of);
            case "StatefulSet" -> Optional.ofNullable(client.apps().statefulSets().inNamespace(ns).withName(ref.name()).get())
                    .map(WorkloadStatus::of);
            case "DaemonSet" -> Optional.ofNullable(client.apps().daemonSets().inNamespace(ns).withName(ref.name()).get())
                    .map(WorkloadStatus::of);
            case "Job" -> Optional.ofNullable(client.batch().v1().jobs().inNamespace(ns).withName(ref.name()).get())
                    .map(WorkloadStatus::of);
            default -> Optional.empty();
        };
    }

    private List<Pod> podsOf(String namespace, LabelSelector selector) {
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
            return List.of();
        }
        return client.pods().inNamespace(namespace).withLabels(selector.getMatchLabels()).list().getItems();
    }

    private List<String> lastLogsOfAnyCrash(List<Pod> pods, List<Event> events) {
        for (Pod pod : pods) {
            Optional<PodDiagnosis.Finding> finding = PodDiagnosis.diagnose(pod, events);
            if (finding.isPresent() && finding.get().container() != null) {
                return lastLog(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), finding.get().container());
            }
        }
        return List.of();
    }

    /** The previous (crashed) instance's log when there is one, else the current one. */
    private List<String> lastLog(String namespace, String pod, String container) {
        if (logLines <= 0 || pod == null || container == null) {
            return List.of();
        }
        var logs = client.pods().inNamespace(namespace).withName(pod).inContainer(container);
        String text = null;
        try {
            text = logs.terminated().tailingLines(logLines).getLog();
        } catch (KubernetesClientException e) {
            LOG.debug("No previous log of {}/{}: {}", pod, container, e.getMessage());
        }
        if (text == null || text.isEmpty()) {
            try {
                text = logs.tailingLines(logLines).getLog();
            } catch (KubernetesClientException e) {
                LOG.debug("No log of {}/{}: {}", pod, container, e.getMessage());
                return List.of();
            }
        }
        return text == null ? List.of() : text.lines().toList();
    }

    static List<ClusterEvent> relevantEvents(List<Event> events, Collection<String> names) {
        List<ClusterEvent> result = new ArrayList<>();
        for (Event e : events) {
            String object = e.getInvolvedObject() == null ? "" : String.valueOf(e.getInvolvedObject().getName());
            if (names.stream().noneMatch(object::startsWith)) {
                continue;
            }
            result.add(new ClusterEvent(lastSeen(e), "Warning".equals(e.getType()), e.getReason(),
                    e.getInvolvedObject() == null ? "" : e.getInvolvedObject().getKind(), object, e.getMessage(),
                    e.getCount() == null ? 1 : e.getCount()));
        }
        result.sort(Comparator.comparing((ClusterEvent c) -> c.lastSeen().orElse(Instant.EPOCH)).reversed());
        return result.size() > MAX_EVENTS ? List.copyOf(result.subList(0, MAX_EVENTS)) : result;
    }

    static Optional<Instant> lastSeen(Event event) {
        for (String time : new String[] {event.getLastTimestamp(),
                event.getEventTime() == null ? null : event.getEventTime().getTime(), event.getFirstTimestamp(),
                event.getMetadata() == null ? null : event.getMetadata().getCreationTimestamp()}) {
            if (time != null && !time.isBlank()) {
                try {
                    return Optional.of(OffsetDateTime.parse(time).toInstant());
                } catch (DateTimeParseException e) {
                    LOG.trace("Unparseable event time {}", time);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        runner.close();
    }
}
