package org.iepmp.kube.cluster;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterDiscovery;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Discovers clusters from kubeconfig files in the places MicroK8s, k3s and kubectl use. */
public final class KubeconfigDiscovery implements ClusterDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(KubeconfigDiscovery.class);

    private final DiscoveryLocations locations;

    public KubeconfigDiscovery(DiscoveryLocations locations) {
        this.locations = locations;
    }

    @Override
    public List<ClusterCandidate> discover() {
        List<ClusterCandidate> result = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        addIfPresent(result, seen, locations.microk8sConfig(), ClusterSourceKind.MICROK8S);
        addIfPresent(result, seen, locations.k3sConfig(), ClusterSourceKind.K3S);
        for (Path path : locations.kubeconfigEnv()) {
            addIfPresent(result, seen, path, ClusterSourceKind.KUBECONFIG_ENV);
        }
        addIfPresent(result, seen, locations.homeKubeconfig(), ClusterSourceKind.KUBECONFIG_HOME);
        return List.copyOf(result);
    }

    private void addIfPresent(List<ClusterCandidate> result, Set<Path> seen, Path path, ClusterSourceKind kind) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        Path normalized = path.toAbsolutePath().normalize();
        if (seen.add(normalized)) {
            result.addAll(fromFile(path, kind));
        }
    }

    @Override
    public List<ClusterCandidate> fromFile(Path kubeconfig, ClusterSourceKind kind) {
        if (!Files.exists(kubeconfig)) {
            return List.of(problem(kind, kubeconfig, new KubeException(KubeErrorCode.KUBECONFIG_NOT_FOUND,
                    "kubeconfig does not exist: " + kubeconfig, kubeconfig.toString())));
        }
        if (!Files.isReadable(kubeconfig)) {
            // MicroK8s keeps its credentials readable by root and the microk8s group only.
            KubeErrorCode code = kind == ClusterSourceKind.MICROK8S ? KubeErrorCode.MICROK8S_GROUP
                    : KubeErrorCode.KUBECONFIG_UNREADABLE;
            return List.of(problem(kind, kubeconfig, new KubeException(code,
                    "kubeconfig is not readable by this user: " + kubeconfig, kubeconfig.toString(),
                    System.getProperty("user.name"))));
        }
        Config config;
        try {
            config = KubeConfigUtils.parseConfig(kubeconfig.toFile());
        } catch (RuntimeException e) {
            LOG.warn("Cannot parse kubeconfig {}", kubeconfig, e);
            return List.of(problem(kind, kubeconfig, new KubeException(KubeErrorCode.KUBECONFIG_INVALID,
                    "cannot parse kubeconfig " + kubeconfig, e, kubeconfig.toString())));
        }
        if (config == null || config.getContexts() == null || config.getContexts().isEmpty()) {
            return List.of(problem(kind, kubeconfig, new KubeException(KubeErrorCode.KUBECONFIG_INVALID,
                    "kubeconfig has no contexts: " + kubeconfig, kubeconfig.toString())));
        }
        List<ClusterCandidate> result = new ArrayList<>();
        for (NamedContext context : config.getContexts()) {
            String clusterName = context.getContext() == null ? null : context.getContext().getCluster();
            String server = serverOf(config, clusterName);
            Optional<KubeException> problem = server == null
                    ? Optional.of(new KubeException(KubeErrorCode.KUBECONFIG_INVALID,
                            "context " + context.getName() + " names no cluster with a server", kubeconfig.toString()))
                    : Optional.empty();
            result.add(new ClusterCandidate(kind, kubeconfig, context.getName(), server, problem));
        }
        // The kubeconfig's current context first: that is what kubectl would use.
        String current = config.getCurrentContext();
        result.sort((a, b) -> Boolean.compare(!a.context().equals(current), !b.context().equals(current)));
        return result;
    }

    private static String serverOf(Config config, String clusterName) {
        if (config.getClusters() == null || clusterName == null) {
            return null;
        }
        for (NamedCluster cluster : config.getClusters()) {
            if (clusterName.equals(cluster.getName()) && cluster.getCluster() != null) {
                return cluster.getCluster().getServer();
            }
        }
        return null;
    }

    private static ClusterCandidate problem(ClusterSourceKind kind, Path path, KubeException problem) {
        return new ClusterCandidate(kind, path, "", "", Optional.of(problem));
    }
}
