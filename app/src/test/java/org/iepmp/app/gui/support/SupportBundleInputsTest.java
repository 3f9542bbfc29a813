package org.iepmp.app.gui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.kube.api.ClusterEvent;
import org.iepmp.kube.api.ClusterFacts;
import org.iepmp.kube.api.HealthReason;
import org.iepmp.kube.api.NodeFacts;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.ReleaseStatus;
import org.iepmp.kube.api.WorkloadHealth;
import org.iepmp.kube.api.WorkloadRef;
import org.iepmp.support.SupportBundleBuilder;
import org.iepmp.support.api.SupportBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repositories, cluster and releases the screens know, mapped for the support bundle: the
 * bundle reads exactly as it did when it was written from the catalog's and the cluster's own types.
 */
class SupportBundleInputsTest {

    @TempDir
    Path logs;

    @Test
    void bundleTextIsWhatTheCatalogAndClusterTypesGave() throws IOException {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        List<RepositoryDefinition> repositories = List.of(
                RepositoryDefinition.http("vendor", "https://packages.vendor.example", RepositoryType.GLASSKUBE, Origin.VENDOR)
                        .withAuth(AuthMethod.BASIC),
                RepositoryDefinition.directory("usb", "/media/usb/charts", RepositoryType.HELM, Origin.CUSTOMER)
                        .withCaCertificate("/etc/iepmp/ca.pem").withEnabled(false));
        ClusterFacts facts = new ClusterFacts("v1.31.4", "linux/amd64", "uid-1",
                List.of(new NodeFacts("ipc-01", true, "", List.of(), "v1.31.4", "Ubuntu", 4000, 3800, 8L << 30, 7L << 30,
                        false, false),
                        new NodeFacts("ipc-02", false, "kubelet stopped posting", List.of("worker"), "v1.31.4", "Debian",
                                2000, 1900, 4L << 30, 3L << 30, true, true)), now, Optional.of(Duration.ofMillis(300)));
        ReleaseHealth health = new ReleaseHealth("line-monitor", "line", List.of(new WorkloadHealth(
                new WorkloadRef("Deployment", "line", "line-monitor"), 0, 1, HealthReason.CRASHING,
                List.of("Deployment line-monitor", "app", "5", "1"), List.of("line-monitor-abc"),
                List.of("panic: no PLC"))), List.of(new ClusterEvent(Optional.of(now), true, "BackOff", "Pod",
                "line-monitor-abc", "Back-off restarting failed container", 4)), now);
        ReleaseInfo monitor = new ReleaseInfo("line-monitor", "line", 3, ReleaseStatus.DEPLOYED, "line-monitor", "1.1.0",
                "1.1.0", Optional.of(now));
        ReleaseInfo opcua = new ReleaseInfo("opcua", "edge", 1, ReleaseStatus.FAILED, "opcua-gateway", "2.0.0", "2.0.0",
                Optional.empty());

        SupportBundle bundle = new SupportBundleBuilder(List.of()).build("0.1.0", "", SupportBundleInputs.repositories(
                        repositories), List.of(), SupportBundleInputs.cluster(Optional.of(facts)),
                List.of(SupportBundleInputs.release(monitor, Optional.of(health)),
                        SupportBundleInputs.release(opcua, Optional.empty())), Map.of(), logs, now);

        assertThat(text(bundle, "repositories.txt")).isEqualTo(
                "vendor: GLASSKUBE over HTTP at https://packages.vendor.example, origin VENDOR, sign-in BASIC\n"
                + "usb: HELM over DIR at /media/usb/charts, origin CUSTOMER, sign-in NONE, CA /etc/iepmp/ca.pem,"
                + " switched off\n");
        assertThat(text(bundle, "cluster-facts.txt")).isEqualTo("server v1.31.4 linux/amd64\nidentity uid-1\n"
                + "clock skew PT0.3S\n"
                + "node ipc-01 Ready, cpu 3800/4000m, memory 7516192768/8589934592 B, kubelet v1.31.4, Ubuntu\n"
                + "node ipc-02 NotReady: kubelet stopped posting, cpu 1900/2000m, memory 3221225472/4294967296 B,"
                + " kubelet v1.31.4, Debian, DISK PRESSURE, MEMORY PRESSURE\n");
        assertThat(text(bundle, "releases.txt")).isEqualTo("line/line-monitor: line-monitor 1.1.0, revision 3, DEPLOYED\n"
                + "  WorkloadRef[kind=Deployment, namespace=line, name=line-monitor]: 0/1 CRASHING"
                + " [Deployment line-monitor, app, 5, 1]\n"
                + "    | panic: no PLC\n"
                + "  event Warning Pod line-monitor-abc: BackOff Back-off restarting failed container (x4)\n"
                + "edge/opcua: opcua-gateway 2.0.0, revision 1, FAILED\n"
                + "  health unknown\n");
    }

    @Test
    void noClusterReadsNotConnected() throws IOException {
        SupportBundle bundle = new SupportBundleBuilder(List.of()).build("0.1.0", "", SupportBundleInputs.repositories(
                List.of()), List.of(), SupportBundleInputs.cluster(Optional.empty()), List.of(), logs, Instant.EPOCH);

        assertThat(text(bundle, "cluster-facts.txt")).isEqualTo("not connected\n");
        assertThat(text(bundle, "repositories.txt")).isEqualTo("none\n");
    }

    private static String text(SupportBundle bundle, String name) {
        return bundle.entries().stream().filter(e -> e.name().equals(name)).findFirst()
                .map(e -> new String(e.content(), StandardCharsets.UTF_8)).orElseThrow();
    }
}
