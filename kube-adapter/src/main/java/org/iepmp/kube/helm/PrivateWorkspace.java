package org.iepmp.kube.helm;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;

/**
 * A private directory (mode 0700) for the files one Helm call needs: a kubeconfig holding only the
 * chosen context (mode 0600) and the values file. helm-java reads them by path; closing deletes
 * the directory, so credentials never outlive the call. Contents are never logged.
 */
final class PrivateWorkspace implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PrivateWorkspace.class);

    static final String PREFIX = "iepmp-helm-";
    private final Path dir;

    private PrivateWorkspace(Path dir) {
        this.dir = dir;
    }

    static PrivateWorkspace create(Path parent) {
        try {
            Path dir = posix()
                    ? Files.createTempDirectory(parent, PREFIX, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory(parent, PREFIX);
            return new PrivateWorkspace(dir);
        } catch (IOException e) {
            throw new KubeException(KubeErrorCode.INTERNAL, "cannot create a private temp directory", e, "", e.getMessage());
        }
    }

    Path dir() {
        return dir;
    }

    /** Writes a kubeconfig with exactly the candidate's context as current context. */
    Path kubeconfigFor(ClusterCandidate candidate) {
        Config original;
        try {
            original = KubeConfigUtils.parseConfig(candidate.kubeconfig().toFile());
        } catch (RuntimeException e) {
            throw new KubeException(KubeErrorCode.KUBECONFIG_INVALID, "cannot parse kubeconfig", e,
                    candidate.kubeconfig().toString());
        }
        String contextName = candidate.context().isEmpty() ? original.getCurrentContext() : candidate.context();
        NamedContext context = find(original.getContexts(), NamedContext::getName, contextName);
        if (context == null || context.getContext() == null) {
            throw new KubeException(KubeErrorCode.CONTEXT_NOT_FOUND, "no context " + contextName,
                    String.valueOf(contextName), candidate.kubeconfig().toString());
        }
        NamedCluster cluster = find(original.getClusters(), NamedCluster::getName, context.getContext().getCluster());
        if (cluster == null || cluster.getCluster() == null) {
            throw new KubeException(KubeErrorCode.KUBECONFIG_INVALID, "context names no cluster",
                    candidate.kubeconfig().toString());
        }
        NamedAuthInfo user = find(original.getUsers(), NamedAuthInfo::getName, context.getContext().getUser());
        Path base = candidate.kubeconfig().toAbsolutePath().getParent();
        absolutize(cluster.getCluster(), base);
        if (user != null && user.getUser() != null) {
            absolutize(user.getUser(), base);
        }
        ConfigBuilder single = new ConfigBuilder()
                .withApiVersion("v1").withKind("Config")
                .withClusters(cluster)
                .withContexts(context)
                .withCurrentContext(context.getName());
        if (user != null) {
            single.withUsers(user);
        }
        return writePrivate("kubeconfig", Serialization.asYaml(single.build()));
    }

    /** Writes the values as a YAML file Helm reads like {@code -f values.yaml}. */
    Path valuesFile(HelmValues values) {
        String yaml;
        if (values instanceof HelmValues.Yaml text) {
            yaml = text.text();
        } else if (values instanceof HelmValues.Tree tree) {
            yaml = tree.values().isEmpty() ? "" : Serialization.asYaml(tree.values());
        } else {
            throw new IllegalArgumentException("unknown values kind " + values);
        }
        return writePrivate("values.yaml", yaml);
    }

    private Path writePrivate(String name, String content) {
        Path file = dir.resolve(name);
        try {
            if (posix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            return file;
        } catch (IOException e) {
            throw new KubeException(KubeErrorCode.INTERNAL, "cannot write " + name, e, "", e.getMessage());
        }
    }

    /** kubectl resolves relative file references against the kubeconfig's folder; the copy lives elsewhere. */
    private static void absolutize(Cluster cluster, Path base) {
        cluster.setCertificateAuthority(absolute(cluster.getCertificateAuthority(), base));
    }

    private static void absolutize(AuthInfo user, Path base) {
        user.setClientCertificate(absolute(user.getClientCertificate(), base));
        user.setClientKey(absolute(user.getClientKey(), base));
        user.setTokenFile(absolute(user.getTokenFile(), base));
    }

    private static String absolute(String file, Path base) {
        if (file == null || file.isBlank() || base == null || Path.of(file).isAbsolute()) {
            return file;
        }
        return base.resolve(file).normalize().toString();
    }

    private static <T> T find(List<T> items, java.util.function.Function<T, String> name, String wanted) {
        if (items == null || wanted == null) {
            return null;
        }
        return items.stream().filter(i -> wanted.equals(name.apply(i))).findFirst().orElse(null);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Never throws: a leftover folder must not turn a finished Helm operation into a failure. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot delete private Helm workspace {}: {}", dir, e.toString());
        }
    }
}
