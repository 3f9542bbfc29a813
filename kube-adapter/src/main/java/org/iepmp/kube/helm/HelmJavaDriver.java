package org.iepmp.kube.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.TemplateCommand;
import com.marcnuri.helm.UpgradeCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.GoTemplateCall;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.InstallRequest;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.ReleaseHistoryEntry;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.TemplateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HelmDriver} on helm-java (Helm's Go SDK through JNA). Each call gets a private
 * workspace with a single-context kubeconfig and a values file, runs on an abandonable thread
 * and is mapped to typed errors. One instance per connected cluster; close it with the connection.
 */
public final class HelmJavaDriver implements HelmDriver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HelmJavaDriver.class);
    /** Helm's own rule for release names (DNS-1123 label, at most 53 characters). */
    private static final Pattern RELEASE_NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    private static final int MAX_RELEASE_NAME = 53;
    /** Extra time after Helm's own wait timeout, so Helm can report its timeout itself. */
    private static final Duration WAIT_GRACE = Duration.ofSeconds(15);
    /**
     * Rendering without a cluster: Helm would assume Kubernetes 1.20 and refuse charts that
     * require newer ones. Callers that know the cluster pass its version instead.
     */
    static final String DEFAULT_KUBE_VERSION = "v1.31.0";

    private final ClusterCandidate candidate;
    private final Path tempParent;
    private final HelmCallRunner runner = new HelmCallRunner();

    /**
     * @param candidate  the cluster (kubeconfig + context) every cluster call goes to
     * @param tempParent where the private per-call workspaces are created (the system temp folder normally)
     */
    public HelmJavaDriver(ClusterCandidate candidate, Path tempParent) {
        this.candidate = candidate;
        this.tempParent = tempParent;
    }

    @Override
    public ReleaseInfo install(InstallRequest request) {
        checkRequest(request.chartArchive(), request.releaseName());
        return run("install", budget(request), chartNames(request.chartArchive(), request.releaseName()), workspace -> {
            InstallCommand command = new Helm(request.chartArchive()).install()
                    .withName(request.releaseName())
                    .withNamespace(request.namespace())
                    .withKubeConfig(workspace.kubeconfigFor(candidate))
                    .withValuesFile(workspace.valuesFile(request.values()));
            WholeNumberSets.of(request.values()).forEach(command::set);
            if (request.createNamespace()) {
                command.createNamespace();
            }
            if (request.waitReady()) {
                command.waitReady().withTimeout(seconds(request.timeout()));
            }
            if (!request.description().isEmpty()) {
                command.withDescription(request.description());
            }
            return released(command.call(), request);
        });
    }

    @Override
    public ReleaseInfo upgrade(InstallRequest request) {
        checkRequest(request.chartArchive(), request.releaseName());
        return run("upgrade", budget(request), chartNames(request.chartArchive(), request.releaseName()), workspace -> {
            // resetValues: the request carries the complete values; Helm must not merge in the previous ones.
            UpgradeCommand command = new Helm(request.chartArchive()).upgrade()
                    .withName(request.releaseName())
                    .withNamespace(request.namespace())
                    .resetValues()
                    .withKubeConfig(workspace.kubeconfigFor(candidate))
                    .withValuesFile(workspace.valuesFile(request.values()));
            WholeNumberSets.of(request.values()).forEach(command::set);
            if (request.createNamespace()) {
                command.createNamespace();
            }
            if (request.waitReady()) {
                command.waitReady().withTimeout(seconds(request.timeout()));
            }
            if (!request.description().isEmpty()) {
                command.withDescription(request.description());
            }
            return released(command.call(), request);
        });
    }

    @Override
    public void uninstall(String releaseName, String namespace, Duration timeout) {
        run("uninstall", timeout, workspace -> Helm.uninstall(releaseName)
                .withNamespace(namespace)
                .withKubeConfig(workspace.kubeconfigFor(candidate))
                .call());
    }

    @Override
    public List<ReleaseInfo> list(Duration timeout) {
        return run("list", timeout, workspace -> Helm.list().all().allNamespaces()
                .withKubeConfig(workspace.kubeconfigFor(candidate))
                .call().stream().map(HelmReleases::toInfo).toList());
    }

    @Override
    public Optional<ReleaseInfo> status(String releaseName, String namespace, Duration timeout) {
        try {
            return Optional.of(run("status", timeout, workspace -> HelmReleases.toInfo(Helm.status(releaseName)
                    .withNamespace(namespace)
                    .withKubeConfig(workspace.kubeconfigFor(candidate))
                    .call())));
        } catch (KubeException e) {
            if (e.code() == KubeErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<ReleaseHistoryEntry> history(String releaseName, String namespace, Duration timeout) {
        return run("history", timeout, workspace -> Helm.history(releaseName)
                .withNamespace(namespace)
                .withKubeConfig(workspace.kubeconfigFor(candidate))
                .call().stream().map(HelmReleases::toEntry)
                .sorted(java.util.Comparator.comparingInt(ReleaseHistoryEntry::revision)).toList());
    }

    @Override
    public String values(String releaseName, String namespace, int revision, Duration timeout) {
        String yaml = run("get values", timeout, workspace -> {
            var command = Helm.get(releaseName).values()
                    .withNamespace(namespace)
                    .withKubeConfig(workspace.kubeconfigFor(candidate));
            if (revision > 0) {
                command.withRevision(revision);
            }
            return command.call();
        });
        // Helm prints "null" for a release installed without user values.
        return yaml == null || yaml.strip().equals("null") ? "" : yaml;
    }

    @Override
    public String template(TemplateRequest request) {
        checkRequest(request.chartArchive(), request.releaseName());
        return run("template", request.timeout(), chartNames(request.chartArchive(), request.releaseName()), workspace -> {
            TemplateCommand command = new Helm(request.chartArchive()).template()
                    .withName(request.releaseName())
                    .withNamespace(request.namespace())
                    .withValuesFile(workspace.valuesFile(request.values()));
            WholeNumberSets.of(request.values()).forEach(command::set);
            command.withKubeVersion(request.kubeVersion().isEmpty() ? DEFAULT_KUBE_VERSION : request.kubeVersion());
            return command.call();
        });
    }

    /**
     * Loads Helm's native library now (copying ~95 MB to the temp folder on first use in this
     * JVM), so the first real operation is not the one that pays for it.
     */
    public String warmUp(Duration timeout) {
        return runner.run("version", candidate.server(), timeout, () -> Helm.version().call());
    }

    @Override
    public void close() {
        runner.close();
    }

    private interface WorkspaceCall<T> {
        T call(PrivateWorkspace workspace) throws Exception;
    }

    @Override
    public List<String> executeTemplates(List<GoTemplateCall> calls, Duration timeout) {
        if (calls.isEmpty()) {
            return List.of();
        }
        return run("template (value templates)", timeout, workspace -> {
            Path chart = GoTemplateChart.write(workspace.dir(), calls);
            String rendered;
            try {
                rendered = new Helm(chart).template().withName("values").withNamespace("default")
                        .withKubeVersion(DEFAULT_KUBE_VERSION).call();
            } catch (IllegalStateException e) {
                if (GoTemplateChart.nativeLibraryMissing(e)) {
                    throw e;
                }
                throw GoTemplateChart.failure(e);
            }
            return GoTemplateChart.outputs(rendered, calls.size());
        });
    }

    private <T> T run(String operation, Duration budget, WorkspaceCall<T> call) {
        return run(operation, budget, InternalNames.of(tempParent), call);
    }

    private <T> T run(String operation, Duration budget, InternalNames names, WorkspaceCall<T> call) {
        Callable<T> inWorkspace = () -> {
            try (PrivateWorkspace workspace = PrivateWorkspace.create(tempParent)) {
                return call.call(workspace);
            }
        };
        LOG.debug("helm {} on {}", operation, candidate.server());
        return runner.run(operation, candidate.server(), budget, inWorkspace, names::hide);
    }

    private InternalNames chartNames(Path chartArchive, String releaseName) {
        return InternalNames.of(tempParent, chartArchive, releaseName);
    }

    private ReleaseInfo released(Release release, InstallRequest request) {
        ReleaseInfo info = HelmReleases.toInfo(release);
        LOG.info("helm release {}/{} now revision {} ({}), chart {} {}", request.namespace(), request.releaseName(),
                info.revision(), info.status(), info.chartName(), info.chartVersion());
        return info;
    }

    private void checkRequest(Path chartArchive, String releaseName) {
        // A chart folder works as well as an archive (Helm's loader takes both).
        if (!Files.exists(chartArchive) || !Files.isReadable(chartArchive)) {
            throw new KubeException(KubeErrorCode.INVALID_CHART, "chart archive missing: " + chartArchive,
                    candidate.server(), "the chart of " + releaseName + " is missing from the data folder");
        }
        if (releaseName.length() > MAX_RELEASE_NAME || !RELEASE_NAME.matcher(releaseName).matches()) {
            throw new KubeException(KubeErrorCode.INVALID_NAME, "invalid release name " + releaseName,
                    candidate.server(), releaseName);
        }
    }

    private static Duration budget(InstallRequest request) {
        return request.waitReady() ? request.timeout().plus(WAIT_GRACE) : request.timeout();
    }

    private static int seconds(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    }
}
