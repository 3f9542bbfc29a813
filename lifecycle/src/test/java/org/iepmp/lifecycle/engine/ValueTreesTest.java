package org.iepmp.lifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iepmp.lifecycle.values.SecretMasker;
import org.junit.jupiter.api.Test;

/** Helm-style merging, and finding the secrets a recorded tree was masked at. */
class ValueTreesTest {

    @Test
    void mapsMergeKeyByKeyAndEverythingElseIsReplaced() {
        Map<String, Object> base = Map.of("image", Map.of("repository", "plant/web", "tag", "1.0"), "ports", List.of(80), "debug", false);
        Map<String, Object> over = Map.of("image", Map.of("tag", "1.1"), "ports", List.of(8080));

        Map<String, Object> merged = ValueTrees.merge(base, over);

        assertThat(merged).containsEntry("image", Map.of("repository", "plant/web", "tag", "1.1"))
                .containsEntry("ports", List.of(8080)).containsEntry("debug", false);
        assertThat(base).containsEntry("image", Map.of("repository", "plant/web", "tag", "1.0"));
    }

    @Test
    void maskedPathsAndSecretValuesAreFound() {
        SecretMasker masker = new SecretMasker("0123456789abcdef0123".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> values = Map.of("db", Map.of("user", "mes", "pass", "Hunter2-x"), "admin", Map.of("password", "Line3-Admin!"));
        Set<String> declared = Set.of("db.pass");

        Map<String, Object> masked = masker.mask(values, declared).masked();

        assertThat(ValueTrees.maskedPaths(masked)).containsExactlyInAnyOrder("db.pass", "admin.password");
        assertThat(ValueTrees.secretValues(masker, values, declared)).containsExactlyInAnyOrder("Hunter2-x", "Line3-Admin!");
        assertThat(ValueTrees.fromYaml("")).isEmpty();
        assertThat(ValueTrees.fromYaml("a:\n  b: 1\n")).containsEntry("a", Map.of("b", 1));
    }
}
