package org.iepmp.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.iepmp.kube.api.KubeException;
import org.iepmp.kube.api.LogFollow;
import org.iepmp.kube.api.PodLogs;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.kube.api.WorkloadHealth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code iepmp logs PACKAGE [--follow]}: the container logs of every pod of a release. */
@Command(name = "logs")
final class LogsCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "PACKAGE", descriptionKey = "cli.param.package")
    String packageName;
    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", descriptionKey = "cli.op.option.namespace")
    String namespace;
    @Option(names = "--release", paramLabel = "NAME", descriptionKey = "cli.op.option.release")
    String release;
    @Option(names = {"-f", "--follow"}, descriptionKey = "cli.logs.option.follow")
    boolean follow;
    @Option(names = "--tail", paramLabel = "LINES", descriptionKey = "cli.logs.option.tail")
    int tail = 100;
    @Option(names = "--previous", descriptionKey = "cli.logs.option.previous")
    boolean previous;
    @Option(names = {"-c", "--container"}, paramLabel = "NAME", descriptionKey = "cli.logs.option.container")
    String container = "";

    @Override
    protected int run(CliSession session) throws InterruptedException {
        ReleaseInfo info = Releases.find(session, release != null ? release : packageName, namespace);
        List<String> pods = new ArrayList<>();
        for (WorkloadHealth w : session.drivers().health().health(info.name(), info.namespace(), CliSession.CALL_TIMEOUT).workloads()) {
            pods.addAll(w.pods());
        }
        Printer printer = session.printer();
        if (pods.isEmpty()) {
            printer.note("cli.logs.noPods", info.name());
            return 0;
        }
        PodLogs logs = session.drivers().logs();
        if (follow) {
            return follow(session, logs, info, pods);
        }
        Map<String, List<String>> byPod = new LinkedHashMap<>();
        for (String pod : pods) {
            byPod.put(pod, logs.tail(info.namespace(), pod, container, tail, previous, CliSession.CALL_TIMEOUT));
        }
        if (printer.json()) {
            printer.printJson(byPod);
            return 0;
        }
        byPod.forEach((pod, lines) -> {
            if (byPod.size() > 1) {
                printer.line("==> " + pod + " <==");
            }
            lines.forEach(printer::line);
        });
        return 0;
    }

    /** Streams every pod's new lines until all containers end or the command is interrupted (Ctrl-C). */
    private int follow(CliSession session, PodLogs logs, ReleaseInfo info, List<String> pods) {
        Printer printer = session.printer();
        CountDownLatch ended = new CountDownLatch(pods.size());
        List<KubeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<LogFollow> follows = new ArrayList<>();
        try {
            for (String pod : pods) {
                String prefix = pods.size() > 1 ? pod + " | " : "";
                follows.add(logs.follow(info.namespace(), pod, container, tail, line -> printer.line(prefix + line), error -> {
                    if (error != null) {
                        failures.add(error);
                    }
                    ended.countDown();
                }));
            }
            ended.await();
        } catch (InterruptedException e) {
            // Stopped by the person (Ctrl-C) or the caller: a normal end of following.
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            follows.forEach(LogFollow::close);
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return 0;
    }
}
