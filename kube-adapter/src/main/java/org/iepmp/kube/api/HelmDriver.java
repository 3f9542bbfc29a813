package org.iepmp.kube.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Helm releases on one cluster, stored the Helm way (Secrets) so {@code helm list} and
 * {@code microk8s helm3 list} see the same releases. Every call is bounded by its timeout and
 * throws {@link KubeException} with a typed code. A call is cancelled by interrupting the calling
 * thread ({@link KubeErrorCode#CANCELLED}); Helm may then still finish the step it had begun, so
 * the caller re-reads {@link #status} before deciding what happened.
 * There is no rollback: a rollback is an {@link #upgrade} to the recorded chart and values.
 * Its Go template engine also executes packages' value templates ({@link GoTemplates}), locally.
 */
public interface HelmDriver extends GoTemplates {

    /** Installs a new release; {@link KubeErrorCode#ALREADY_EXISTS} if the name is taken in that namespace. */
    ReleaseInfo install(InstallRequest request);

    /** Upgrades to the given chart and values, whatever its version (lower versions included). */
    ReleaseInfo upgrade(InstallRequest request);

    /** Removes the release and its history; {@link KubeErrorCode#NOT_FOUND} if there is none. */
    void uninstall(String releaseName, String namespace, Duration timeout);

    /** Every release in every namespace and state, whoever installed it. */
    List<ReleaseInfo> list(Duration timeout);

    /** The latest revision of a release, or empty if there is none. */
    Optional<ReleaseInfo> status(String releaseName, String namespace, Duration timeout);

    /** All stored revisions, oldest first. */
    List<ReleaseHistoryEntry> history(String releaseName, String namespace, Duration timeout);

    /** The user-supplied values of a revision (0 = latest) as YAML text ("{}" style empty text when none). */
    String values(String releaseName, String namespace, int revision, Duration timeout);

    /** Renders a chart locally (no cluster) to multi-document YAML, for plans and diffs. */
    String template(TemplateRequest request);
}
