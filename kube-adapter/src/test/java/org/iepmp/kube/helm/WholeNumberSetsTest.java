package org.iepmp.kube.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iepmp.kube.api.HelmValues;
import org.junit.jupiter.api.Test;

class WholeNumberSetsTest {

    @Test
    void longLeavesAreWrittenInStrvalsPathsWithSpecialCharactersEscaped() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("size", 1_000_000L);
        values.put("a.b", 3L);
        values.put("hosts", List.of("x", 5L, List.of(6L)));
        values.put("nested", Map.of("k=v,[w]", -4L));
        values.put("file", BigInteger.valueOf(7));
        values.put("small", 8);
        values.put("text", "9");

        assertThat(WholeNumberSets.of(HelmValues.tree(values))).containsExactly(
                Map.entry("size", 1_000_000L), Map.entry("a\\.b", 3L), Map.entry("hosts[1]", 5L),
                Map.entry("hosts[2][0]", 6L), Map.entry("nested.k\\=v\\,\\[w\\]", -4L));
    }

    @Test
    void yamlTextHasNoTypedLeaves() {
        assertThat(WholeNumberSets.of(HelmValues.yaml("size: 1000000\n"))).isEmpty();
    }
}
