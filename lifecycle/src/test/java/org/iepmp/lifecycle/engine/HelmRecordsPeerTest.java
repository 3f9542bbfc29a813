package org.iepmp.lifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iepmp.kube.api.HelmValues;
import org.iepmp.kube.api.InstallRequest;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.CancellationSignal;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.junit.jupiter.api.Test;

/**
 * The real Helm 3.17 CLI reads Helm's records after our repair and our automatic rollback, and does the same thing itself on
 * the same starting state in a namespace of its own: {@code helm history} and {@code helm list -a} must read alike. Uses the CLI
 * the practice-cluster tests unpack into {@code ~/.cache/iepmp-test}; skipped without it.
 */
class HelmRecordsPeerTest extends ConsoleOnPracticeSite {

    private static final Path HELM = Path.of(System.getProperty("user.home"), ".cache", "iepmp-test", "lambda-layer-kubectl-v31",
            "helm", "helm");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Override
    String namespacePrefix() {
        return "peer";
    }

    private OperationResult run(OperationRequest request) {
        return harness.engine.execute(harness.engine.plan(request.withAcceptWarnings(true)), harness.recorder(), CancellationSignal.NEVER);
    }

    private Path chart(String version) {
        return repository.charts.resolve("line-app-" + version + ".tgz");
    }

    @Test
    void afterOurAutomaticRollbackHelmReadsWhatItsAtomicUpgradeLeaves() throws Exception {
        assumeTrue(Files.isExecutable(HELM), "Helm CLI not unpacked at " + HELM + " (run the practice-cluster tests first)");
        run(EngineHarness.request(OperationAction.INSTALL, "line-app", "1.0.0", ns));
        assertThat(run(EngineHarness.request(OperationAction.UPGRADE, "line-app", "2.0.0", ns)).outcome())
                .isEqualTo(OperationOutcome.ROLLED_BACK);

        String theirs = ns + "-helm";
        helm("install", "line-app", chart("1.0.0").toString(), "-n", theirs, "--create-namespace");
        helmFailing("upgrade", "line-app", chart("2.0.0").toString(), "-n", theirs, "--atomic", "--timeout", "20s");

        assertThat(statuses(ns)).isEqualTo(statuses(theirs)).containsExactly("superseded", "failed", "deployed");
        assertThat(listed(ns)).isEqualTo(listed(theirs)).isEqualTo("deployed line-app-1.0.0 revision 3");
    }

    @Test
    void afterOurRepairHelmReadsWhatItsRollbackLeavesButTheInterruptedRevisionSaysFailed() throws Exception {
        assumeTrue(Files.isExecutable(HELM), "Helm CLI not unpacked at " + HELM + " (run the practice-cluster tests first)");
        String theirs = ns + "-helm";
        run(EngineHarness.request(OperationAction.INSTALL, "line-app", "1.0.0", ns));
        helm("install", "line-app", chart("1.0.0").toString(), "-n", theirs, "--create-namespace");
        for (String namespace : List.of(ns, theirs)) {
            // Helm wrote 1.1.0 and was killed before it finished: the revision stays pending-upgrade.
            site.helm.upgrade(InstallRequest.of(chart("1.1.0"), "line-app", namespace, HelmValues.NONE, TIMEOUT));
            new HelmStorage(site.connection.client()).setStatus("line-app", namespace, "pending-upgrade");
        }
        OperationResult repair = run(new OperationRequest(OperationAction.REPAIR, "line-app", null, null, ns, null, null,
                new Actor("operator", null), null));
        assertThat(repair.outcome()).as(repair.toString()).isEqualTo(OperationOutcome.SUCCEEDED);

        helm("rollback", "line-app", "1", "-n", theirs);
        // One deliberate difference: Helm's rollback leaves the interrupted revision pending-upgrade, which reads as if an
        // operation still ran; ours says what became of it, as Helm's atomic upgrade does.
        assertThat(statuses(theirs)).containsExactly("superseded", "pending-upgrade", "deployed");
        assertThat(statuses(ns)).containsExactly("superseded", "failed", "deployed");
        assertThat(listed(ns)).isEqualTo(listed(theirs)).isEqualTo("deployed line-app-1.0.0 revision 3");
    }

    private List<String> statuses(String namespace) throws Exception {
        List<String> statuses = new ArrayList<>();
        for (JsonNode revision : JSON.readTree(helm("history", "line-app", "-n", namespace, "-o", "json"))) {
            statuses.add(revision.get("status").asText());
        }
        return statuses;
    }

    private String listed(String namespace) throws Exception {
        JsonNode release = JSON.readTree(helm("list", "-a", "-n", namespace, "-o", "json")).get(0);
        return release.get("status").asText() + " " + release.get("chart").asText() + " revision " + release.get("revision").asText();
    }

    private String helm(String... args) throws IOException, InterruptedException {
        return helmExiting(0, args);
    }

    private String helmFailing(String... args) throws IOException, InterruptedException {
        return helmExiting(1, args);
    }

    private String helmExiting(int exit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(HELM.toString(), "--kubeconfig", site.cluster.kubeconfig().toString()));
        command.addAll(List.of(args));
        // Output goes to a file so a hanging helm cannot block the read; waitFor bounds it.
        Path out = Files.createTempFile(dir, "helm-out", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("HELM_CACHE_HOME", dir.resolve("helm-cache").toString());
        builder.environment().put("HELM_CONFIG_HOME", dir.resolve("helm-config").toString());
        builder.environment().put("HELM_DATA_HOME", dir.resolve("helm-data").toString());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("helm " + args[0] + " did not finish");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("helm " + String.join(" ", args) + ": " + text).isEqualTo(exit);
        return text;
    }
}
