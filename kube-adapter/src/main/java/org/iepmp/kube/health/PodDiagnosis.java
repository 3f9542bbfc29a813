package org.iepmp.kube.health;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.iepmp.kube.api.HealthReason;

/**
 * Reads a pod's status (and the events about it) the way an experienced operator would, and
 * names the first problem found: image pull, bad container configuration, crash loop, failing
 * probe, or a scheduler that cannot place it.
 */
final class PodDiagnosis {

    private static final Set<String> IMAGE_PULL = Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName",
            "ErrImageNeverPull", "RegistryUnavailable");
    private static final Set<String> CONFIG = Set.of("CreateContainerConfigError", "CreateContainerError",
            "RunContainerError", "ContainerCannotRun");

    /** A problem of one pod; {@code container} is set when the problem belongs to a container. */
    record Finding(HealthReason reason, List<String> details, String pod, String container) {
    }

    private PodDiagnosis() {
    }

    static Optional<Finding> diagnose(Pod pod, Collection<Event> events) {
        String podName = pod.getMetadata().getName();
        List<ContainerStatus> statuses = new ArrayList<>();
        if (pod.getStatus() != null) {
            if (pod.getStatus().getInitContainerStatuses() != null) {
                statuses.addAll(pod.getStatus().getInitContainerStatuses());
            }
            if (pod.getStatus().getContainerStatuses() != null) {
                statuses.addAll(pod.getStatus().getContainerStatuses());
            }
        }
        for (ContainerStatus status : statuses) {
            ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
            String reason = waiting == null ? "" : String.valueOf(waiting.getReason());
            if (IMAGE_PULL.contains(reason)) {
                return Optional.of(new Finding(HealthReason.IMAGE_PULL_FAILED,
                        List.of(nz(status.getImage()), nz(waiting.getMessage())), podName, status.getName()));
            }
            if (CONFIG.contains(reason)) {
                return Optional.of(new Finding(HealthReason.CONFIG_ERROR,
                        List.of(status.getName(), nz(waiting.getMessage())), podName, status.getName()));
            }
        }
        for (ContainerStatus status : statuses) {
            ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
            boolean backOff = waiting != null && "CrashLoopBackOff".equals(waiting.getReason());
            boolean restartedAndDown = status.getRestartCount() != null && status.getRestartCount() > 0
                    && !Boolean.TRUE.equals(status.getReady());
            ContainerStateTerminated terminatedNow = status.getState() == null ? null : status.getState().getTerminated();
            boolean failedNow = terminatedNow != null && terminatedNow.getExitCode() != null && terminatedNow.getExitCode() != 0;
            if (backOff || restartedAndDown || failedNow) {
                return Optional.of(new Finding(HealthReason.CRASHING, List.of(status.getName(),
                        String.valueOf(status.getRestartCount() == null ? 0 : status.getRestartCount()),
                        lastExit(status)), podName, status.getName()));
            }
        }
        for (ContainerStatus status : statuses) {
            boolean running = status.getState() != null && status.getState().getRunning() != null;
            if (running && !Boolean.TRUE.equals(status.getReady())) {
                Optional<Event> probe = events.stream()
                        .filter(e -> podName.equals(e.getInvolvedObject() == null ? null : e.getInvolvedObject().getName()))
                        .filter(e -> "Unhealthy".equals(e.getReason()))
                        .reduce((a, b) -> b);
                if (probe.isPresent()) {
                    return Optional.of(new Finding(HealthReason.PROBE_FAILING,
                            List.of(status.getName(), nz(probe.get().getMessage())), podName, status.getName()));
                }
            }
        }
        return unschedulable(pod).map(message -> new Finding(schedulingReason(message), List.of(message), podName, null));
    }

    private static Optional<String> unschedulable(Pod pod) {
        if (pod.getStatus() == null || !"Pending".equals(pod.getStatus().getPhase()) || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        for (PodCondition condition : pod.getStatus().getConditions()) {
            if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
                return Optional.of(nz(condition.getMessage()).isEmpty() ? nz(condition.getReason()) : condition.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The scheduler's sentence, e.g. "0/1 nodes are available: 1 Insufficient cpu." */
    static HealthReason schedulingReason(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("insufficient cpu")) {
            return HealthReason.PENDING_CPU;
        }
        if (text.contains("insufficient memory")) {
            return HealthReason.PENDING_MEMORY;
        }
        if (text.contains("persistentvolumeclaim") || text.contains("volume node affinity")
                || text.contains("insufficient ephemeral-storage") || text.contains("storageclass")) {
            return HealthReason.PENDING_STORAGE;
        }
        return HealthReason.PENDING_SCHEDULING;
    }

    private static String lastExit(ContainerStatus status) {
        ContainerStateTerminated terminated = null;
        if (status.getLastState() != null && status.getLastState().getTerminated() != null) {
            terminated = status.getLastState().getTerminated();
        } else if (status.getState() != null && status.getState().getTerminated() != null) {
            terminated = status.getState().getTerminated();
        }
        if (terminated == null) {
            return "";
        }
        String reason = nz(terminated.getReason());
        String code = terminated.getExitCode() == null ? "" : "exit code " + terminated.getExitCode();
        return reason.isEmpty() ? code : code.isEmpty() ? reason : reason + ", " + code;
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
