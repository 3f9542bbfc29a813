package org.iepmp.kube.api;

/**
 * Why a workload is (not) healthy, in words a technician understands. Keys are literals so
 * the localization tests see them. Parameters (always strings, in this order):
 * {0} the workload ("Deployment line-monitor"), then per reason:
 * HEALTHY, ROLLING_OUT: {1} ready, {2} desired;
 * IMAGE_PULL_FAILED: {1} image, {2} the kubelet's message;
 * CRASHING: {1} container, {2} restarts, {3} last exit (code or reason);
 * CONFIG_ERROR, PROBE_FAILING: {1} container, {2} message;
 * PENDING_*, ROLLOUT_STUCK, JOB_FAILED: {1} message;
 * JOB_RUNNING: {1} succeeded, {2} completions;
 * NO_WORKLOADS: {0} the release.
 */
public enum HealthReason {
    HEALTHY("kube.health.healthy", "kube.health.healthy.hint", Severity.OK),
    NO_WORKLOADS("kube.health.noWorkloads", "kube.health.noWorkloads.hint", Severity.OK),
    ROLLING_OUT("kube.health.rollingOut", "kube.health.rollingOut.hint", Severity.PROGRESSING),
    JOB_RUNNING("kube.health.jobRunning", "kube.health.jobRunning.hint", Severity.PROGRESSING),
    IMAGE_PULL_FAILED("kube.health.imagePullFailed", "kube.health.imagePullFailed.hint", Severity.FAILING),
    CRASHING("kube.health.crashing", "kube.health.crashing.hint", Severity.FAILING),
    CONFIG_ERROR("kube.health.configError", "kube.health.configError.hint", Severity.FAILING),
    PROBE_FAILING("kube.health.probeFailing", "kube.health.probeFailing.hint", Severity.FAILING),
    PENDING_CPU("kube.health.pendingCpu", "kube.health.pendingCpu.hint", Severity.FAILING),
    PENDING_MEMORY("kube.health.pendingMemory", "kube.health.pendingMemory.hint", Severity.FAILING),
    PENDING_STORAGE("kube.health.pendingStorage", "kube.health.pendingStorage.hint", Severity.FAILING),
    PENDING_SCHEDULING("kube.health.pendingScheduling", "kube.health.pendingScheduling.hint", Severity.FAILING),
    ROLLOUT_STUCK("kube.health.rolloutStuck", "kube.health.rolloutStuck.hint", Severity.FAILING),
    JOB_FAILED("kube.health.jobFailed", "kube.health.jobFailed.hint", Severity.FAILING);

    /** How bad a reason is; a release is as bad as its worst workload. */
    public enum Severity { OK, PROGRESSING, FAILING }

    private final String messageKey;
    private final String hintKey;
    private final Severity severity;

    HealthReason(String messageKey, String hintKey, Severity severity) {
        this.messageKey = messageKey;
        this.hintKey = hintKey;
        this.severity = severity;
    }

    public String messageKey() {
        return messageKey;
    }

    public String hintKey() {
        return hintKey;
    }

    public Severity severity() {
        return severity;
    }
}
