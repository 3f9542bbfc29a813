package org.iepmp.catalog.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void ordersGlasskubeRevisionsPreReleasesAndPlainVersions() {
        List<String> versions = List.of("v16.4.0+2", "v16.4.0+10", "v16.4.0+1", "v16.5.0-rc.1+1", "v2.0.0+1", "16.3.9",
                "v16.4.0-beta.2+1");
        assertThat(Versions.newestFirst(versions)).containsExactly("v16.5.0-rc.1+1", "v16.4.0+10", "v16.4.0+2",
                "v16.4.0+1", "v16.4.0-beta.2+1", "16.3.9", "v2.0.0+1");
    }

    @Test
    void latestStableSkipsPreReleasesButKeepsZeroMajor() {
        assertThat(Versions.latestStable(List.of("v1.0.0+1", "v1.1.0-rc.1+1", "v1.0.0+3"))).contains("v1.0.0+3");
        assertThat(Versions.latestStable(List.of("0.12.20", "0.12.3"))).contains("0.12.20");
        assertThat(Versions.latestStable(List.of("1.0.0-rc.1"))).isEmpty();
        assertThat(Versions.latest(List.of("1.0.0-rc.1"))).contains("1.0.0-rc.1");
    }

    @Test
    void understandsHelmAndNpmStyleRanges() {
        assertThat(Versions.satisfies("v1.17.0+2", "1.x.x")).isTrue();
        assertThat(Versions.satisfies("2.0.0", "1.x.x")).isFalse();
        assertThat(Versions.satisfies("1.5.0", ">=1.2 <2")).isTrue();
        assertThat(Versions.satisfies("2.0.0", ">=1.2 <2")).isFalse();
        assertThat(Versions.satisfies("1.2.9", "~1.2")).isTrue();
        assertThat(Versions.satisfies("1.3.0", "~1.2")).isFalse();
        assertThat(Versions.satisfies("1.9.0", "^1.2")).isTrue();
        assertThat(Versions.satisfies("2.0.0", "^1.2")).isFalse();
        assertThat(Versions.satisfies("0.1.0", "")).isTrue();
        assertThat(Versions.bestMatch(List.of("v1.0.0+1", "v1.2.0+1", "v1.2.0+2", "v2.0.0+1"), ">=1.2 <2"))
                .contains("v1.2.0+2");
    }

    @Test
    void proposesUpgradesOverallAndWithinTheMajor() {
        List<String> versions = List.of("1.0.0", "1.4.0", "1.5.0-rc.1", "2.1.0", "2.2.0-beta.1");
        var candidates = Versions.upgradeCandidates(versions, "1.0.0");
        assertThat(candidates.latest()).contains("2.1.0");
        assertThat(candidates.latestSameMajor()).contains("1.4.0");
        assertThat(Versions.upgradeCandidates(versions, "2.1.0").any()).isFalse();
    }

    @Test
    void rejectsInvalidVersionsAndRangesWithTypedErrors() {
        assertThatThrownBy(() -> Versions.parse("not-a-version"))
                .isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).code()).isEqualTo(CatalogErrorCode.INVALID_VERSION);
        assertThatThrownBy(() -> Versions.range("garbage!!"))
                .isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).code()).isEqualTo(CatalogErrorCode.INVALID_RANGE);
    }
}
