package org.iepmp.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.api.ClusterSourceKind;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.InstallRequest;
import org.iepmp.kube.cluster.Fabric8ClusterConnector;
import org.iepmp.kube.drivers.Fabric8ClusterDrivers;
import org.iepmp.practice.api.PracticeCatalog;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command against the practice cluster (real kube-adapter, real engine, real SQLite) and the
 * practice catalog as local repositories, in the order a technician would use them; text and JSON
 * output checked. The practice catalog's line-monitor 1.2.0 crash-loops, which exercises the
 * automatic rollback.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliCommandsTest {

    @TempDir
    static Path dir;

    private static PracticeCluster cluster;
    private static PracticeCatalog.Layout catalog;
    private static CliHarness cli;
    private static String kubeconfig;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        cluster = PracticeCluster.start(PracticeOptions.defaults().withKubeconfig(dir.resolve("kubeconfig.yaml"))
                .withReadinessDelay(Duration.ofMillis(150)));
        kubeconfig = cluster.kubeconfig().toString();
        catalog = PracticeCatalog.create().writeTo(dir.resolve("practice-catalog"));
        cli = new CliHarness(dir);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A command on the practice cluster. */
    private static CliHarness.Run onCluster(String... args) {
        return onClusterTyping("", args);
    }

    private static CliHarness.Run onClusterTyping(String answers, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--kubeconfig";
        all[args.length + 1] = kubeconfig;
        return cli.input(answers, all);
    }

    private static JsonNode json(CliHarness.Run run) throws Exception {
        assertThat(run.exit()).as(run.toString()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    @Order(1)
    void repositoriesAreAddedListedTestedAndRefreshed() throws Exception {
        CliHarness.Run added = cli.run("repo", "add", "practice", catalog.glasskubeRepository().toString(), "--type", "glasskube",
                "--origin", "vendor");
        assertThat(added.exit()).as(added.toString()).isZero();
        assertThat(added.out()).contains("Added repository practice (Glasskube)");
        JsonNode charts = json(cli.run("repo", "add", "practice-charts", catalog.helmRepository().toString(), "--type", "helm",
                "--origin", "open-source", "-o", "json"));
        assertThat(charts.get("transport").asText()).isEqualTo("dir");
        assertThat(charts.get("origin").asText()).isEqualTo("open-source");

        CliHarness.Run list = cli.run("repo", "list");
        assertThat(list.out()).contains("practice", "practice-charts", "Vendor", catalog.helmRepository().toString());
        JsonNode listed = json(cli.run("repo", "list", "--output", "json"));
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("practice");
        assertThat(listed.get(0).get("status").get("packages").asInt()).isEqualTo(3); // line-monitor, mqtt-broker, plant-dashboard-config

        CliHarness.Run test = cli.run("repo", "test", "practice");
        assertThat(test.exit()).as(test.toString()).isZero();
        assertThat(test.out()).contains("practice: up to date, 3 packages");
        CliHarness.Run refresh = cli.run("repo", "refresh");
        assertThat(refresh.exit()).as(refresh.toString()).isZero();
        assertThat(refresh.out()).contains("practice: up to date, 3 packages").contains("practice-charts: up to date");
    }

    @Test
    @Order(2)
    void searchAndShowDescribeThePackages() throws Exception {
        CliHarness.Run search = cli.run("search", "line");
        assertThat(search.exit()).as(search.toString()).isZero();
        assertThat(search.out()).contains("PACKAGE", "line-monitor", "v1.2.0+1");
        JsonNode all = json(cli.run("search", "-o", "json"));
        assertThat(all.findValuesAsText("name")).contains("line-monitor", "mqtt-broker");
        JsonNode vendorOnly = json(cli.run("search", "--origin", "vendor", "-o", "json"));
        assertThat(vendorOnly.findValuesAsText("repository")).containsOnly("practice");

        CliHarness.Run show = cli.run("show", "line-monitor");
        assertThat(show.exit()).as(show.toString()).isZero();
        assertThat(show.out()).contains("line-monitor v1.2.0+1 from practice (Vendor)", "Versions: v1.2.0+1, v1.1.0+1, v1.0.0+1",
                "Dependencies:", "mqtt-broker >=1.0.0", "Values:", "lineName", "Entrypoints:", "dashboard: line-monitor:80");
        JsonNode old = json(cli.run("show", "line-monitor", "--version", "1.0.0", "-o", "json"));
        assertThat(old.get("version").asText()).as("1.0.0 finds v1.0.0+1").isEqualTo("v1.0.0+1");
        assertThat(old.get("dependencies").get(0).get("name").asText()).isEqualTo("mqtt-broker");
        assertThat(old.get("entrypoints").get(0).get("port").asInt()).isEqualTo(80);
    }

    @Test
    @Order(3)
    void installShowsThePlanAndChangesNothingWithoutYes() throws Exception {
        CliHarness.Run dry = onCluster("install", "line-monitor", "--version", "1.0.0", "--dry-run");
        assertThat(dry.exit()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("Plan:", "1. Install mqtt-broker - \u2192 ", "2. Install line-monitor - \u2192 v1.0.0+1",
                "Preflight checks:");
        assertThat(dry.err()).contains("Dry run: nothing was changed.");

        // The same package as the chart repository offers it: the bare chart, no Glasskube dependency.
        CliHarness.Run fromCharts = onCluster("install", "line-monitor", "--repository", "practice-charts", "--version", "1.0.0",
                "--dry-run");
        assertThat(fromCharts.exit()).as(fromCharts.toString()).isZero();
        assertThat(fromCharts.out()).contains("1. Install line-monitor - \u2192 1.0.0").doesNotContain("Install mqtt-broker");
        CliHarness.Run nowhere = onCluster("install", "line-monitor", "--repository", "nowhere", "--dry-run");
        assertThat(nowhere.exit()).as(nowhere.toString()).isEqualTo(1);
        assertThat(nowhere.err()).contains("nowhere");

        CliHarness.Run declined = onClusterTyping("n\n", "install", "line-monitor", "--version", "1.0.0");
        assertThat(declined.exit()).as(declined.toString()).isEqualTo(1);
        assertThat(declined.err()).contains("Go ahead?", "Not confirmed; nothing was changed.");
        assertThat(json(onCluster("list", "-o", "json"))).isEmpty();
    }

    @Test
    @Order(4)
    void installAfterConfirmationThenListAndUpdates() throws Exception {
        CliHarness.Run install = onClusterTyping("y\n", "install", "line-monitor", "--version", "1.0.0", "--reason", "new line 7",
                "--ticket", "CHG-7", "--set", "lineName=Line 7");
        assertThat(install.exit()).as(install.toString()).isZero();
        assertThat(install.out()).contains("Done: install mqtt-broker - -> ", "; install line-monitor - -> v1.0.0+1");
        assertThat(install.err()).contains("Step 1: Install mqtt-broker ", "Step 2: Succeeded");

        CliHarness.Run list = onCluster("list");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).contains("line-monitor", "mqtt-broker", "Healthy", "update to v1.2.0+1");
        JsonNode listed = json(onCluster("list", "-o", "json"));
        JsonNode monitor = listed.get(0);
        assertThat(monitor.get("release").asText()).isEqualTo("line-monitor");
        assertThat(monitor.get("health").asText()).isEqualTo("ok");
        assertThat(monitor.get("updateAvailable").asBoolean()).isTrue();
        assertThat(monitor.get("latestVersion").asText()).isEqualTo("v1.2.0+1");
        JsonNode broker = listed.get(1);
        assertThat(broker.get("release").asText()).isEqualTo("mqtt-broker");
        assertThat(broker.get("updateAvailable").asBoolean()).as("chart 1.0.0 is package v1.0.0+1").isFalse();

        // Installing what is installed changes its settings, starting from what runs now: lineName stays "Line 7".
        JsonNode again = json(onCluster("install", "line-monitor", "--version", "1.0.0", "--set", "replicas=1", "--dry-run", "-o",
                "json"));
        JsonNode step = again.get("plan").get(again.get("plan").size() - 1);
        assertThat(step.get("action").asText()).isEqualTo("configure");
        assertThat(step.get("values").findValuesAsText("path")).doesNotContain("lineName");
        CliHarness.Run taken = onCluster("install", "mqtt-broker", "--release", "line-monitor", "--namespace", "line-monitor",
                "--dry-run");
        assertThat(taken.exit()).isEqualTo(1);
        assertThat(taken.err()).contains("The release name line-monitor in namespace line-monitor is already taken by another package",
                "--release");

        JsonNode updates = json(onCluster("updates", "-o", "json"));
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).get("package").asText()).isEqualTo("line-monitor");
        assertThat(onCluster("updates").out()).contains("line-monitor", "1.0.0", "v1.2.0+1");
    }

    @Test
    @Order(5)
    void upgradeKeepsTheValuesAndStatusAndLogsDescribeTheRelease() throws Exception {
        JsonNode upgrade = json(onCluster("upgrade", "line-monitor", "--version", "1.1.0", "--yes", "-o", "json"));
        assertThat(upgrade.get("plan").get(0).get("fromVersion").asText()).contains("1.0.0");
        assertThat(upgrade.get("result").get("outcome").asText()).isEqualTo("succeeded");
        assertThat(upgrade.get("plan").get(0).get("values").findValuesAsText("path")).doesNotContain("lineName");

        CliHarness.Run status = onCluster("status", "line-monitor");
        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.out()).contains("line-monitor in namespace line-monitor: chart line-monitor 1.1.0", "Health: Healthy",
                "Workloads:", "Deployment line-monitor", "Events:");
        JsonNode statusJson = json(onCluster("status", "line-monitor", "-o", "json"));
        assertThat(statusJson.get("workloads").get(0).get("reason").asText()).isEqualTo("HEALTHY");

        JsonNode logs = json(onCluster("logs", "line-monitor", "-o", "json"));
        assertThat(logs.fieldNames().next()).startsWith("line-monitor-");
        CliHarness.Background follow = cli.background("logs", "line-monitor", "--follow", "--kubeconfig", kubeconfig);
        for (int i = 0; i < 300 && follow.out.toString().isEmpty() && follow.thread.isAlive(); i++) {
            Thread.sleep(100);
        }
        follow.thread.interrupt();
        follow.thread.join(30_000);
        assertThat(follow.exit.get()).as(follow.err.toString()).isZero();
        assertThat(follow.out.toString()).as("the lines so far, then the stream").contains("starting");

        CliHarness.Run configure = onCluster("configure", "line-monitor", "--set", "lineName=Line 8", "--yes");
        assertThat(configure.exit()).as(configure.toString()).isZero();
        assertThat(configure.out()).contains("  1. Change settings line-monitor ", "~ lineName = Line 8");
    }

    @Test
    @Order(6)
    void aFailingUpgradeIsRolledBackAutomaticallyAndRollbackReturnsToAVersion() throws Exception {
        CliHarness.Run broken = onCluster("upgrade", "line-monitor", "--yes");
        assertThat(broken.exit()).as(broken.toString()).isEqualTo(1);
        assertThat(broken.out()).contains("Failed, rolled back");
        assertThat(broken.err()).contains("restoring the previous state");
        assertThat(json(onCluster("list", "-o", "json")).get(0).get("version").asText()).isEqualTo("1.1.0");

        CliHarness.Run rollback = onCluster("rollback", "line-monitor", "--to-version", "1.0.0", "--yes");
        assertThat(rollback.exit()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).contains("Roll back line-monitor ", "\u2192 v1.0.0+1");
        assertThat(json(onCluster("list", "-o", "json")).get(0).get("version").asText()).isEqualTo("1.0.0");
        JsonNode revision = json(onCluster("rollback", "line-monitor", "--to-revision", "2", "--dry-run", "-o", "json"));
        assertThat(revision.get("plan").get(0).get("toVersion").asText()).isEqualTo("v1.1.0+1");
    }

    @Test
    @Order(7)
    void historyListsFiltersAndExports() throws Exception {
        CliHarness.Run history = cli.run("history");
        assertThat(history.exit()).as(history.toString()).isZero();
        assertThat(history.out()).contains("Install", "Upgrade", "Roll back", "line-monitor", "v1.0.0+1 \u2192 v1.1.0+1", "new line 7 [CHG-7]");
        JsonNode rolledBack = json(cli.run("history", "--outcome", "rolled-back", "-o", "json"));
        assertThat(rolledBack).hasSize(1);
        assertThat(rolledBack.get(0).get("toVersion").asText()).isEqualTo("v1.2.0+1");
        // mqtt-broker was installed as line-monitor's dependency: the package filter finds that install.
        JsonNode broker = json(cli.run("history", "--package", "mqtt-broker", "--since", "1d", "-o", "json"));
        assertThat(broker).hasSize(1);
        assertThat(broker.get(0).get("action").asText()).isEqualTo("install");
        assertThat(broker.get(0).get("package").asText()).isEqualTo("line-monitor");
        assertThat(json(cli.run("history", "--package", "no-such-package", "-o", "json"))).isEmpty();
        Path csv = dir.resolve("audit.csv");
        CliHarness.Run export = cli.run("history", "--export", "csv", csv.toString());
        assertThat(export.exit()).as(export.toString()).isZero();
        assertThat(export.out()).contains("Exported ").contains(csv.toString());
        assertThat(Files.readString(csv)).contains("line-monitor", "CHG-7");
    }

    @Test
    @Order(7)
    void doctorChecksTheClusterAndTheComputer() throws Exception {
        CliHarness.Run doctor = onCluster("doctor");
        assertThat(doctor.exit()).as(doctor.toString()).isZero();
        assertThat(doctor.out()).contains("Connected to " + cluster.url(), "1 of 1 nodes are ready", "No release is stuck",
                "free for the archive store", "No other console is running");
        JsonNode checks = json(onCluster("doctor", "-o", "json"));
        assertThat(checks.findValuesAsText("check")).contains("connection", "nodes", "clockSkew", "permissions", "lock",
                "stuckReleases", "disk", "microk8sGroup");
    }

    @Test
    @Order(8)
    void statusSaysInPlainWordsWhyAReleaseInstalledByAnotherToolIsFailing() throws Exception {
        // helm (here: the kube-adapter's driver) installs the broken version outside the console.
        Path scratch = Files.createDirectories(dir.resolve("helm-scratch"));
        try (ClusterConnection connection = new Fabric8ClusterConnector(Clock.systemUTC()).connect(new ClusterCandidate(
                ClusterSourceKind.PRACTICE, cluster.kubeconfig(), cluster.context(), cluster.url(), Optional.empty()),
                Duration.ofSeconds(20));
             ClusterDrivers drivers = Fabric8ClusterDrivers.open(connection, scratch, Clock.systemUTC())) {
            drivers.helm().install(InstallRequest.of(catalog.helmRepository().resolve("line-monitor-1.2.0.tgz"), "line-next",
                    "staging", HelmValues.NONE, Duration.ofMinutes(1)));
        }
        JsonNode status = null;
        for (int i = 0; i < 60; i++) {
            status = json(onCluster("status", "line-next", "-o", "json"));
            if (status.get("health").asText().equals("failing")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(status.get("workloads").get(0).get("reason").asText()).isEqualTo("CRASHING");
        CliHarness.Run text = onCluster("status", "line-next");
        assertThat(text.out()).contains("Health: Problem", "keeps stopping: container line-monitor has restarted",
                "Look at the last log lines below.", "| FATAL: migration 12 failed");
        assertThat(onCluster("status", "line-next", "--lang", "zh-TW").out()).contains("不斷停止", "有問題");
        assertThat(onCluster("list").out()).contains("line-next", "staging", "Problem");
        assertThat(onCluster("uninstall", "line-next", "--yes").exit()).as("outside releases can be removed too").isZero();
    }

    @Test
    @Order(9)
    void uninstallRemovesThePackage() throws Exception {
        CliHarness.Run uninstall = onCluster("uninstall", "line-monitor", "--yes");
        assertThat(uninstall.exit()).as(uninstall.toString()).isZero();
        assertThat(json(onCluster("list", "-o", "json")).findValuesAsText("release")).containsExactly("mqtt-broker");
        CliHarness.Run gone = onCluster("status", "line-monitor");
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err()).contains("line-monitor is not installed on this cluster.", "iepmp list");
        assertThat(onCluster("upgrade", "line-monitor", "--lang", "zh-CN").err()).contains("此集群上没有安装 line-monitor。");
        CliHarness.Run chinese = onCluster("--lang", "zh-TW", "list");
        assertThat(chinese.out()).contains("發行版本", "mqtt-broker", "健康");
    }

    @Test
    @Order(10)
    void aPlainManifestPackageIsListedDescribedChangedRepairedAndRemoved() throws Exception {
        CliHarness.Run install = onCluster("install", "plant-dashboard-config", "--version", "1.0.0", "--set", "title=Line 9", "--yes");
        assertThat(install.exit()).as(install.toString()).isZero();

        JsonNode listed = json(onCluster("list", "-o", "json"));
        assertThat(listed.findValuesAsText("release")).contains("plant-dashboard-config");
        JsonNode dashboard = null;
        for (JsonNode row : listed) {
            if (row.get("release").asText().equals("plant-dashboard-config")) {
                dashboard = row;
            }
        }
        assertThat(dashboard.get("namespace").asText()).isEqualTo("plant-dashboard");
        assertThat(dashboard.get("status").asText()).isEqualTo("deployed");
        assertThat(dashboard.get("latestVersion").asText()).isEqualTo("v1.1.0+1");

        CliHarness.Run status = onCluster("status", "plant-dashboard-config");
        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.out()).contains("plant-dashboard-config in namespace plant-dashboard", "Deployment");

        CliHarness.Run configure = onCluster("configure", "plant-dashboard-config", "--set", "refreshSeconds=30", "--yes");
        assertThat(configure.exit()).as(configure.toString()).isZero();
        // The kept setting is listed where it lands, unchanged: it is not among the changed values.
        assertThat(configure.out()).contains("~ refreshSeconds = 30").contains("title = Line 9 →").doesNotContain("~ title");

        CliHarness.Run repair = onCluster("repair", "plant-dashboard-config");
        assertThat(repair.exit()).as(repair.toString()).isZero();
        assertThat(repair.out()).contains("plant-dashboard-config in namespace plant-dashboard is deployed: there is nothing to repair.");

        CliHarness.Run uninstall = onCluster("uninstall", "plant-dashboard-config", "--yes");
        assertThat(uninstall.exit()).as(uninstall.toString()).isZero();
        assertThat(json(onCluster("list", "-o", "json")).findValuesAsText("release")).doesNotContain("plant-dashboard-config");
        assertThat(onCluster("status", "plant-dashboard-config").err()).contains("plant-dashboard-config is not installed on this cluster.");
    }
}
