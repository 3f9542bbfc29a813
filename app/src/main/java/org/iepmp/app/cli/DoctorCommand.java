package org.iepmp.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.dialog.UserMessage;
import org.iepmp.kube.api.ClusterFacts;
import org.iepmp.kube.api.PermissionCheck;
import org.iepmp.kube.api.PermissionRequest;
import org.iepmp.lifecycle.api.LockHolder;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.StuckRelease;
import picocli.CommandLine.Command;

/**
 * {@code iepmp doctor}: what stands between this computer and a working operation — connection,
 * nodes, clock, permissions, MicroK8s group, lock holder, stuck releases, disk space for the archive
 * store — each with a plain verdict. Exit code 1 when any check fails.
 */
@Command(name = "doctor")
final class DoctorCommand extends CliCommand {

    static final long DISK_FAIL_BYTES = 200L * 1024 * 1024;
    static final long DISK_WARN_BYTES = 1024L * 1024 * 1024;

    /** One verdict. */
    record Check(String id, PreflightStatus status, String message) {
    }

    @Override
    protected int run(CliSession session) {
        var m = session.messages();
        List<Check> checks = new ArrayList<>();
        checks.add(microk8s(session));
        checks.add(disk(session));
        ClusterFacts facts = null;
        try {
            facts = session.connection().facts();
            checks.add(new Check("connection", PreflightStatus.PASS, m.get("cli.doctor.connected",
                    session.connection().candidate().server(), facts.serverVersion(), facts.platform())));
        } catch (RuntimeException e) {
            checks.add(new Check("connection", PreflightStatus.FAIL, failure(session, e)));
        }
        if (facts != null) {
            checks.add(facts.readyNodes() == facts.nodes().size() && !facts.nodes().isEmpty()
                    ? new Check("nodes", PreflightStatus.PASS, m.get("cli.doctor.nodesReady", facts.readyNodes(), facts.nodes().size()))
                    : new Check("nodes", PreflightStatus.FAIL, m.get("cli.doctor.nodesNotReady", facts.readyNodes(), facts.nodes().size())));
            checks.add(clock(session, facts));
            checks.add(guarded(session, "permissions", () -> permissions(session)));
            checks.add(guarded(session, "lock", () -> lock(session)));
            checks.add(guarded(session, "stuckReleases", () -> stuck(session)));
        } else {
            checks.add(new Check("cluster", PreflightStatus.WARN, m.get("cli.doctor.skipped")));
        }
        Printer printer = session.printer();
        if (printer.json()) {
            printer.printJson(checks.stream().map(c -> Printer.object("check", c.id(),
                    "status", c.status().name().toLowerCase(Locale.ROOT), "message", c.message())).toList());
        } else {
            CliTexts texts = new CliTexts(m);
            for (Check check : checks) {
                printer.line(texts.checkColumn(check.status()) + "  " + check.message());
            }
        }
        return checks.stream().anyMatch(c -> c.status() == PreflightStatus.FAIL) ? 1 : 0;
    }

    private interface CheckBody {
        Check run();
    }

    private static Check guarded(CliSession session, String id, CheckBody body) {
        try {
            return body.run();
        } catch (RuntimeException e) {
            return new Check(id, PreflightStatus.FAIL, failure(session, e));
        }
    }

    private static String failure(CliSession session, Exception e) {
        UserMessage message = new ErrorPresenter().present(e, session.messages());
        return message.what() + " " + message.whatToDo();
    }

    private static Check clock(CliSession session, ClusterFacts facts) {
        var m = session.messages();
        if (facts.clockSkew().isEmpty()) {
            return new Check("clockSkew", PreflightStatus.WARN, m.get("cli.doctor.clockUnknown"));
        }
        long seconds = facts.clockSkew().get().toSeconds();
        return facts.clockSkewTooLarge()
                ? new Check("clockSkew", PreflightStatus.WARN, m.get("cli.doctor.clockSkew", seconds))
                : new Check("clockSkew", PreflightStatus.PASS, m.get("cli.doctor.clockOk", seconds));
    }

    private static Check permissions(CliSession session) {
        List<PermissionRequest> needed = List.of(new PermissionRequest("create", "", "secrets", ""),
                new PermissionRequest("create", "apps", "deployments", ""), new PermissionRequest("create", "", "namespaces", ""),
                new PermissionRequest("list", "", "pods", ""), new PermissionRequest("get", "", "pods/log", ""));
        List<String> denied = session.drivers().preflight().permissions(needed, CliSession.CALL_TIMEOUT).stream()
                .filter(c -> !c.allowed()).map(PermissionCheck::request)
                .map(r -> r.verb() + " " + (r.group().isEmpty() ? "" : r.group() + "/") + r.resource()).toList();
        return denied.isEmpty()
                ? new Check("permissions", PreflightStatus.PASS, session.messages().get("cli.doctor.permissionsOk"))
                : new Check("permissions", PreflightStatus.FAIL, session.messages().get("cli.doctor.permissionsMissing",
                        String.join(", ", denied)));
    }

    /** The holder as the engine reads it: this computer's lock file and the cluster's Lease, so a console elsewhere counts too. */
    private static Check lock(CliSession session) {
        Optional<LockHolder> holder = session.engine().engine().lockHolder();
        if (holder.isEmpty()) {
            return new Check("lock", PreflightStatus.PASS, session.messages().get("cli.doctor.lockFree"));
        }
        LockHolder h = holder.get();
        return new Check("lock", PreflightStatus.WARN, session.messages().get("cli.doctor.lockHeld", h.user(), h.host(),
                Long.toString(h.pid()), Date.from(h.since())));
    }

    private static Check stuck(CliSession session) {
        List<StuckRelease> stuck = session.engine().engine().stuckReleases();
        return stuck.isEmpty()
                ? new Check("stuckReleases", PreflightStatus.PASS, session.messages().get("cli.doctor.noStuck"))
                : new Check("stuckReleases", PreflightStatus.WARN, session.messages().get("cli.doctor.stuck",
                        String.join(", ", stuck.stream().map(r -> r.namespace() + "/" + r.name() + " (" + r.status() + ")").toList())));
    }

    private static Check microk8s(CliSession session) {
        Path config = session.environment().locations().microk8sConfig();
        var m = session.messages();
        if (config == null || !Files.exists(config)) {
            return new Check("microk8sGroup", PreflightStatus.PASS, m.get("cli.doctor.microk8sAbsent"));
        }
        return Files.isReadable(config)
                ? new Check("microk8sGroup", PreflightStatus.PASS, m.get("cli.doctor.microk8sOk"))
                : new Check("microk8sGroup", PreflightStatus.FAIL, m.get("cli.doctor.microk8sGroup", session.environment().osUser()));
    }

    private static Check disk(CliSession session) {
        Path store = session.paths().archiveStore();
        var m = session.messages();
        try {
            Path existing = store;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                throw new IOException("no existing parent of " + store);
            }
            long free = Files.getFileStore(existing).getUsableSpace();
            String size = m.formats().size(free);
            if (free < DISK_FAIL_BYTES) {
                return new Check("disk", PreflightStatus.FAIL, m.get("cli.doctor.diskLow", size, store.toString()));
            }
            if (free < DISK_WARN_BYTES) {
                return new Check("disk", PreflightStatus.WARN, m.get("cli.doctor.diskLow", size, store.toString()));
            }
            return new Check("disk", PreflightStatus.PASS, m.get("cli.doctor.diskOk", size, store.toString()));
        } catch (IOException e) {
            return new Check("disk", PreflightStatus.FAIL, failure(session, e));
        }
    }
}
