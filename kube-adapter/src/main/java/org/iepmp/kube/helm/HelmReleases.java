package org.iepmp.kube.helm;

import com.marcnuri.helm.Release;
import com.marcnuri.helm.ReleaseHistory;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iepmp.kube.api.ReleaseHistoryEntry;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;

/** Converts helm-java's result objects into the module's api records. */
final class HelmReleases {

    /** Helm prints a chart as {@code name-version}; names may contain dashes, versions are semver. */
    private static final Pattern CHART_LABEL = Pattern.compile("^(.+?)-(v?\\d+\\.\\d+\\.\\d+(?:[-+].*)?)$");

    private HelmReleases() {
    }

    record ChartLabel(String name, String version) {
    }

    static ChartLabel splitChart(String label) {
        if (label == null) {
            return new ChartLabel("", "");
        }
        Matcher m = CHART_LABEL.matcher(label.strip());
        return m.matches() ? new ChartLabel(m.group(1), m.group(2)) : new ChartLabel(label.strip(), "");
    }

    static ReleaseInfo toInfo(Release release) {
        ChartLabel chart = splitChart(release.getChart());
        return new ReleaseInfo(release.getName(), release.getNamespace(), parseRevision(release.getRevision()),
                ReleaseStatus.fromHelm(release.getStatus()), chart.name(), chart.version(), release.getAppVersion(),
                Optional.ofNullable(release.getLastDeployed()).map(ZonedDateTime::toInstant));
    }

    static ReleaseHistoryEntry toEntry(ReleaseHistory history) {
        ChartLabel chart = splitChart(history.getChart());
        return new ReleaseHistoryEntry(history.getRevision(),
                Optional.ofNullable(history.getUpdated()).map(ZonedDateTime::toInstant),
                ReleaseStatus.fromHelm(history.getStatus()), chart.name(), chart.version(), history.getAppVersion(),
                history.getDescription());
    }

    static int parseRevision(String revision) {
        try {
            return revision == null ? 0 : Integer.parseInt(revision.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
