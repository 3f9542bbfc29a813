package org.iepmp.kube.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Kubeconfig files written by the tests (never the machine's own). */
final class TestKubeconfigs {

    private TestKubeconfigs() {
    }

    /** A plain-HTTP loopback server needs no certificate authority. */
    static Path writeInsecure(Path dir, String server, String token) throws IOException {
        Path file = write(dir, server, token);
        Files.writeString(file, Files.readString(file).replace("      certificate-authority: certs/ca.crt\n", ""));
        return file;
    }

    static Path write(Path dir, String server, String token) throws IOException {
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: other
                    cluster:
                      server: https://other.invalid:6443
                  - name: plant
                    cluster:
                      server: %s
                      certificate-authority: certs/ca.crt
                contexts:
                  - name: other-context
                    context: {cluster: other, user: other-user}
                  - name: plant-context
                    context: {cluster: plant, user: technician, namespace: default}
                current-context: other-context
                users:
                  - name: other-user
                    user: {token: other-secret}
                  - name: technician
                    user: {token: %s}
                """.formatted(server, token);
        Path file = dir.resolve("config");
        Files.writeString(file, yaml);
        return file;
    }
}
