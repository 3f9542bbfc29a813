package org.iepmp.kube.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelmReleasesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            podinfo-6.5.4 | podinfo | 6.5.4
            line-monitor-1.2.0 | line-monitor | 1.2.0
            my-chart-2-1.0.0 | my-chart-2 | 1.0.0
            app-1.0.0-rc.1 | app | 1.0.0-rc.1
            app-v2.3.4+build.7 | app | v2.3.4+build.7
            nameonly | nameonly | ''
            """)
    void chartLabelsSplitIntoNameAndVersion(String label, String name, String version) {
        HelmReleases.ChartLabel split = HelmReleases.splitChart(label);
        assertThat(split.name()).isEqualTo(name);
        assertThat(split.version()).isEqualTo(version);
    }
}
