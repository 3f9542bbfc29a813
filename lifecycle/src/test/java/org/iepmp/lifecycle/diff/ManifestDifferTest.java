package org.iepmp.lifecycle.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iepmp.lifecycle.api.ChangeKind;
import org.iepmp.lifecycle.api.ManifestDiff;
import org.iepmp.lifecycle.api.ResourceChange;
import org.iepmp.lifecycle.api.ResourceRef;
import org.iepmp.lifecycle.values.SecretMasker;
import org.junit.jupiter.api.Test;

class ManifestDifferTest {

    private static final String INSTALLED = """
            ---
            # Source: mes/templates/deployment.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: mes
              namespace: iepmp
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                    - name: mes
                      image: registry.local/mes:1.2.0
                      env:
                        - name: DB_URL
                          value: jdbc:postgresql://db/mes?password=hunter2-db
            ---
            # Source: mes/templates/secret.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: mes-db
              namespace: iepmp
            data:
              password: b2xkLXBhc3N3b3Jk
            ---
            # Source: mes/templates/legacy-cm.yaml
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: mes-legacy
              namespace: iepmp
            data:
              mode: old
            """;

    private static final String PLANNED = """
            ---
            # Source: mes/templates/deployment.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: mes
              namespace: iepmp
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: mes
                      image: registry.local/mes:1.3.0
                      env:
                        - name: DB_URL
                          value: jdbc:postgresql://db/mes?password=hunter2-db
            ---
            # Source: mes/templates/secret.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: mes-db
              namespace: iepmp
            data:
              password: bmV3LXBhc3N3b3Jk
            ---
            # Source: mes/templates/service.yaml
            apiVersion: v1
            kind: Service
            metadata:
              name: mes
              namespace: iepmp
            spec:
              ports:
                - port: 8080
            """;

    private final ManifestDiffer differ = new ManifestDiffer(new SecretMasker("0123456789abcdef0123456789abcdef".getBytes()));

    @Test
    void listsResourcesAddedChangedAndRemoved() {
        ManifestDiff diff = differ.diff(INSTALLED, PLANNED, List.of());
        assertThat(diff.resources()).containsExactly(
                new ResourceChange(new ResourceRef("apps/v1", "Deployment", "iepmp", "mes"), ChangeKind.CHANGED),
                new ResourceChange(new ResourceRef("v1", "Secret", "iepmp", "mes-db"), ChangeKind.CHANGED),
                new ResourceChange(new ResourceRef("v1", "Service", "iepmp", "mes"), ChangeKind.ADDED),
                new ResourceChange(new ResourceRef("v1", "ConfigMap", "iepmp", "mes-legacy"), ChangeKind.REMOVED));
    }

    @Test
    void theUnifiedDiffShowsChangesButNoSecret() {
        ManifestDiff diff = differ.diff(INSTALLED, PLANNED, List.of("hunter2-db"));
        String text = diff.unifiedDiff();
        assertThat(text).startsWith("--- installed\n+++ planned\n");
        assertThat(text).contains("-          image: registry.local/mes:1.2.0", "+          image: registry.local/mes:1.3.0");
        assertThat(text).contains("-  replicas: 1", "+  replicas: 2", "+kind: Service", "-kind: ConfigMap");
        assertThat(text).doesNotContain("b2xkLXBhc3N3b3Jk").doesNotContain("bmV3LXBhc3N3b3Jk").doesNotContain("hunter2-db");
        assertThat(text).contains("password: \"" + SecretMasker.MASK);
        // Helm's source comments stay, also above a Secret rewritten for masking.
        assertThat(differ.diff("", PLANNED, List.of()).unifiedDiff()).contains("+# Source: mes/templates/secret.yaml\n+apiVersion: \"v1\"");
    }

    @Test
    void identicalManifestsHaveNoDiff() {
        ManifestDiff diff = differ.diff(INSTALLED, INSTALLED, List.of());
        assertThat(diff.isEmpty()).isTrue();
    }

    @Test
    void aFirstInstallAddsEverythingAndAnUninstallRemovesEverything() {
        assertThat(differ.diff("", PLANNED, List.of()).resources()).extracting(ResourceChange::kind).containsOnly(ChangeKind.ADDED).hasSize(3);
        assertThat(differ.diff(INSTALLED, null, List.of()).resources()).extracting(ResourceChange::kind).containsOnly(ChangeKind.REMOVED);
    }
}
