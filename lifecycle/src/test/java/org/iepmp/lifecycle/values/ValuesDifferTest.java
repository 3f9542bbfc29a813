package org.iepmp.lifecycle.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iepmp.lifecycle.api.ChangeKind;
import org.iepmp.lifecycle.api.ValueChange;
import org.iepmp.lifecycle.api.ValuesDiff;
import org.junit.jupiter.api.Test;

class ValuesDifferTest {

    private final SecretMasker masker = new SecretMasker("0123456789abcdef0123456789abcdef".getBytes());
    private final ValuesDiffer differ = new ValuesDiffer(masker);

    @Test
    void flattensNestedValuesToDottedPaths() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("image", Map.of("tag", "1.2"));
        values.put("env", List.of(Map.of("name", "A"), "plain"));
        values.put("annotations", Map.of("kubernetes.io/ingress.class", "nginx"));
        values.put("empty", Map.of());
        values.put("none", null);
        assertThat(ValuePaths.flatten(values)).containsExactly(
                Map.entry("image.tag", "1.2"),
                Map.entry("env[0].name", "A"),
                Map.entry("env[1]", "plain"),
                Map.entry("annotations.kubernetes\\.io/ingress\\.class", "nginx"),
                Map.entry("empty", Map.of()),
                new java.util.AbstractMap.SimpleEntry<>("none", null));
        assertThat(ValuePaths.lastKey("annotations.kubernetes\\.io/ingress\\.class")).isEqualTo("kubernetes.io/ingress.class");
        assertThat(ValuePaths.lastKey("env[0].name")).isEqualTo("name");
        assertThat(ValuePaths.isAtOrBelow("db.auth.password", "db.auth")).isTrue();
        assertThat(ValuePaths.isAtOrBelow("db.authority", "db.auth")).isFalse();
        assertThat(ValuePaths.isAtOrBelow("list[2].x", "list")).isTrue();
    }

    @Test
    void reportsAddedRemovedAndChangedSortedByPath() {
        Map<String, Object> before = Map.of("image", Map.of("tag", "1.2", "pullPolicy", "IfNotPresent"), "replicas", 1,
                "legacy", Map.of("enabled", true));
        Map<String, Object> after = Map.of("image", Map.of("tag", "1.3", "pullPolicy", "IfNotPresent"), "replicas", 1L,
                "resources", Map.of("limits", Map.of("memory", "256Mi")));
        ValuesDiff diff = differ.diff(before, after, Set.of());
        assertThat(diff.changes()).containsExactly(
                new ValueChange("image.tag", ChangeKind.CHANGED, "1.2", "1.3", false),
                new ValueChange("legacy.enabled", ChangeKind.REMOVED, "true", null, false),
                new ValueChange("resources.limits.memory", ChangeKind.ADDED, null, "256Mi", false));
        assertThat(diff.count(ChangeKind.CHANGED)).isEqualTo(1);
        assertThat(differ.diff(before, before, Set.of()).isEmpty()).isTrue();
    }

    @Test
    void aNumberAndAStringAreDifferentValues() {
        assertThat(differ.diff(Map.of("port", 8080), Map.of("port", "8080"), Set.of()).changes()).hasSize(1);
        assertThat(differ.diff(Map.of("ratio", 0.5), Map.of("ratio", 0.50d), Set.of()).isEmpty()).isTrue();
    }

    @Test
    void secretsAreMaskedButAChangeStillShows() {
        Map<String, Object> before = Map.of("db", Map.of("auth", Map.of("pass", "old-secret-1", "user", "mes")), "apiToken", "tok-A-123");
        Map<String, Object> after = Map.of("db", Map.of("auth", Map.of("pass", "new-secret-2", "user", "mes")), "apiToken", "tok-A-123");
        ValuesDiff diff = differ.diff(before, after, Set.of("db.auth"));
        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("db.auth.pass");
            assertThat(change.secret()).isTrue();
            assertThat(change.before()).startsWith(SecretMasker.MASK).doesNotContain("old-secret-1");
            assertThat(change.after()).startsWith(SecretMasker.MASK).doesNotContain("new-secret-2").isNotEqualTo(change.before());
        });
        // Named like a credential: masked even though the package did not mark it.
        ValuesDiff tokenChange = differ.diff(before, Map.of("apiToken", "tok-B-456"), Set.of());
        assertThat(tokenChange.changes()).filteredOn(c -> c.path().equals("apiToken")).singleElement()
                .satisfies(c -> assertThat(c.after()).doesNotContain("tok-B-456"));
    }

    @Test
    void maskingTakesSecretsOutAndRestoringPutsThemBack() {
        Map<String, Object> values = Map.of("db", Map.of("password", "pw-1234", "hosts", List.of("a", "b")), "tls", Map.of("key", "KEY"));
        MaskedValues masked = masker.mask(values, Set.of("tls"));
        assertThat(masked.masked().toString()).doesNotContain("pw-1234").doesNotContain("KEY");
        assertThat(masked.secrets()).containsOnlyKeys("db.password", "tls");
        assertThat(SecretMasker.restore(masked.masked(), masked.secrets())).isEqualTo(values);
        assertThat(masker.redact("login with pw-1234 now", List.of("pw-1234", "no"))).doesNotContain("pw-1234").contains("now");
    }
}
