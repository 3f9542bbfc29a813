package org.iepmp.kube.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where discovery looks. Built from the real machine by {@link #system()}, or from any folder
 * in tests so discovery never depends on the test machine's own clusters.
 */
public record DiscoveryLocations(Path microk8sConfig, Path k3sConfig, List<Path> kubeconfigEnv, Path homeKubeconfig) {

    public static final Path MICROK8S_CONFIG = Path.of("/var/snap/microk8s/current/credentials/client.config");
    public static final Path K3S_CONFIG = Path.of("/etc/rancher/k3s/k3s.yaml");

    public DiscoveryLocations {
        kubeconfigEnv = List.copyOf(kubeconfigEnv);
    }

    public static DiscoveryLocations system() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static DiscoveryLocations fromEnvironment(Map<String, String> env, Path home) {
        List<Path> fromEnv = new ArrayList<>();
        String kubeconfig = env.get("KUBECONFIG");
        if (kubeconfig != null) {
            for (String part : kubeconfig.split(java.io.File.pathSeparator)) {
                if (!part.isBlank()) {
                    fromEnv.add(Path.of(part.trim()));
                }
            }
        }
        return new DiscoveryLocations(MICROK8S_CONFIG, K3S_CONFIG, fromEnv, home.resolve(".kube").resolve("config"));
    }
}
