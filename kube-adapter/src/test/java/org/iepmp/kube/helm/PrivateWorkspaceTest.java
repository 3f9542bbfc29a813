package org.iepmp.kube.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateWorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void kubeconfigHoldsOnlyTheChosenContextPrivatelyAndIsDeletedOnClose() throws IOException {
        Path source = TestKubeconfigs.write(dir, "https://ipc.local:16443", "plant-secret");
        ClusterCandidate candidate = new ClusterCandidate(ClusterSourceKind.KUBECONFIG_FILE, source, "plant-context",
                "https://ipc.local:16443", Optional.empty());
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        Path written;
        Path workspaceDir;
        try (PrivateWorkspace workspace = PrivateWorkspace.create(temp)) {
            workspaceDir = workspace.dir();
            written = workspace.kubeconfigFor(candidate);
            Config config = KubeConfigUtils.parseConfig(written.toFile());
            assertThat(config.getCurrentContext()).isEqualTo("plant-context");
            assertThat(config.getContexts()).hasSize(1);
            assertThat(config.getClusters()).singleElement()
                    .satisfies(c -> assertThat(c.getCluster().getCertificateAuthority())
                            .isEqualTo(dir.resolve("certs/ca.crt").toString()));
            assertThat(config.getUsers()).singleElement().satisfies(u -> assertThat(u.getUser().getToken()).isEqualTo("plant-secret"));
            assertThat(Files.readString(written)).doesNotContain("other-secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(workspaceDir))).isEqualTo("rwx------");
        }
        assertThat(written).doesNotExist();
        assertThat(workspaceDir).doesNotExist();
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void valuesTreeAndYamlBecomeAValuesFile() throws IOException {
        try (PrivateWorkspace workspace = PrivateWorkspace.create(dir)) {
            Path tree = workspace.valuesFile(HelmValues.tree(Map.of("image", Map.of("tag", "1.2, with comma"),
                    "ports", List.of(80, 443))));
            assertThat(Files.readString(tree)).contains("tag: \"1.2, with comma\"").contains("- 80");
        }
        try (PrivateWorkspace workspace = PrivateWorkspace.create(dir)) {
            Path yaml = workspace.valuesFile(HelmValues.yaml("replicaCount: 2\n"));
            assertThat(Files.readString(yaml)).isEqualTo("replicaCount: 2\n");
        }
    }

    @Test
    void unknownContextIsTyped() throws IOException {
        Path source = TestKubeconfigs.write(dir, "https://ipc.local:16443", "t");
        ClusterCandidate candidate = new ClusterCandidate(ClusterSourceKind.KUBECONFIG_FILE, source, "nope",
                "https://ipc.local:16443", Optional.empty());
        try (PrivateWorkspace workspace = PrivateWorkspace.create(dir)) {
            assertThatThrownBy(() -> workspace.kubeconfigFor(candidate)).isInstanceOfSatisfying(KubeException.class,
                    e -> assertThat(e.code()).isEqualTo(KubeErrorCode.CONTEXT_NOT_FOUND));
        }
    }
}
