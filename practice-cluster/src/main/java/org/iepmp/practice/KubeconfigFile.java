package org.iepmp.practice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/** Writes the practice cluster's kubeconfig: one cluster, one user, context {@code iepmp-practice}. */
final class KubeconfigFile {

    static final String CONTEXT = "iepmp-practice";

    private KubeconfigFile() {
    }

    static String render(String server, String caPem, String token) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("apiVersion: v1\nkind: Config\nclusters:\n- name: ").append(CONTEXT).append("\n  cluster:\n")
                .append("    server: ").append(server).append('\n');
        if (caPem != null) {
            yaml.append("    certificate-authority-data: ")
                    .append(Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)))
                    .append('\n');
        }
        yaml.append("users:\n- name: ").append(CONTEXT).append("-admin\n  user:\n    token: ").append(token)
                .append('\n');
        yaml.append("contexts:\n- name: ").append(CONTEXT).append("\n  context:\n    cluster: ").append(CONTEXT)
                .append("\n    user: ").append(CONTEXT).append("-admin\n    namespace: default\n");
        yaml.append("current-context: ").append(CONTEXT).append('\n');
        return yaml.toString();
    }

    /** Writes through a temporary file and an atomic move, owner-only, so readers never see half a file. */
    static void write(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".kubeconfig", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; the default permissions stand.
            }
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
