package org.iepmp.kube.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferencesTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            nginx, docker.io/library/nginx:latest
            nginx:1.27, docker.io/library/nginx:1.27
            stefanprodan/podinfo:6.5.4, docker.io/stefanprodan/podinfo:6.5.4
            ghcr.io/stefanprodan/podinfo:6.5.4, ghcr.io/stefanprodan/podinfo:6.5.4
            localhost:32000/line-monitor, localhost:32000/line-monitor:latest
            localhost/line-monitor:1.0, localhost/line-monitor:1.0
            registry.example/a/b@sha256:abc, registry.example/a/b@sha256:abc
            docker.io/library/nginx:1.27, docker.io/library/nginx:1.27
            """)
    void referencesAreNormalizedLikeTheRuntimeReportsThem(String reference, String normalized) {
        assertThat(ImageReferences.normalize(reference)).isEqualTo(normalized);
    }

    @Test
    void imagesOfEveryContainerListInEveryDocumentOnce() {
        String manifest = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: a}
                spec:
                  template:
                    spec:
                      initContainers: [{name: init, image: busybox:1.36}]
                      containers:
                        - {name: web, image: "ghcr.io/stefanprodan/podinfo:6.5.4"}
                        - {name: side, image: busybox:1.36}
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: b}
                spec:
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers: [{name: backup, image: registry.example/backup:2}]
                """;
        assertThat(ImageReferences.imagesIn(manifest))
                .containsExactly("busybox:1.36", "ghcr.io/stefanprodan/podinfo:6.5.4", "registry.example/backup:2");
        assertThat(ImageReferences.imagesIn("not: [valid")).isEmpty();
    }
}
