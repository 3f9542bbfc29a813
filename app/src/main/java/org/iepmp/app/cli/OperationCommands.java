package org.iepmp.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iepmp.catalog.api.UpgradeCandidates;
import org.iepmp.catalog.api.VersionFacts;
import org.iepmp.kube.api.ReleaseHistoryEntry;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.ClusterLifecycle;
import org.iepmp.lifecycle.api.InstalledPackage;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRequest;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.lifecycle.api.StepRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code install}, {@code upgrade}, {@code rollback}, {@code uninstall}, {@code configure}: each
 * builds a request, shows the engine's plan and preflight, asks (unless {@code --yes}), and runs it
 * through the same engine as the window — progress on stderr, automatic rollback on a failed
 * verification, every step in the history.
 */
final class OperationCommands {

    private OperationCommands() {
    }

    /** The request of a command, or empty when there is nothing to do (already up to date). */
    abstract static class OperationCommand extends CliCommand {

        /** How long Ctrl-C waits for the engine to restore what a cancelled operation changed. */
        static final Duration CANCEL_WAIT = Duration.ofMinutes(5);

        @Parameters(index = "0", paramLabel = "PACKAGE", descriptionKey = "cli.param.package")
        String packageName;

        @Mixin
        RunOptions run;

        /** The versions {@code repository} publishes (the first repository listing the package when null). */
        protected List<String> publishedVersions(CliSession session, String repository) {
            return repository == null ? session.catalog().versions(packageName)
                    : session.catalog().versionFacts(Optional.of(repository), packageName).stream().map(VersionFacts::version).toList();
        }

        protected abstract Optional<OperationRequest> request(CliSession session, ClusterLifecycle engine);

        /** Checks what can be checked before connecting (values syntax, files). */
        protected void validate() {
        }

        @Override
        protected int run(CliSession session) {
            validate();
            ClusterLifecycle engine = session.engine().engine();
            // Operations a killed run left RUNNING become INTERRUPTED and are checked against the cluster.
            engine.recoverInterrupted();
            Optional<OperationRequest> request = request(session, engine);
            if (request.isEmpty()) {
                return 0;
            }
            Plan plan = engine.plan(request.get());
            List<PreflightResult> checks = engine.preflight(plan);
            PlanView view = new PlanView(session);
            boolean blocked = checks.stream().anyMatch(PreflightResult::blocks);
            if (run.dryRun || blocked) {
                view.print(plan, checks, Optional.empty());
                if (blocked) {
                    session.printer().note("cli.op.blocked");
                    return 1;
                }
                session.printer().note("cli.op.dryRun");
                return 0;
            }
            if (!session.printer().json()) {
                view.printPlan(plan, checks);
            }
            if (!run.yes && !confirmed(session, checks)) {
                session.printer().note("cli.op.notConfirmed");
                return 1;
            }
            List<PreflightResult> warnings = checks.stream().filter(c -> c.status() == PreflightStatus.WARN).toList();
            OperationResult result = applyCancellable(session, engine, plan, warnings, view);
            if (session.printer().json()) {
                view.print(plan, checks, Optional.of(result));
            } else {
                view.printResult(plan, result);
            }
            return result.outcome() == OperationOutcome.SUCCEEDED ? 0 : 1;
        }

        /**
         * Ctrl-C while an operation runs cancels it: the engine stops between steps and restores what it
         * changed, and the process waits for that (bounded) before it exits.
         */
        private static OperationResult applyCancellable(CliSession session, ClusterLifecycle engine, Plan plan,
                List<PreflightResult> warnings, PlanView view) {
            AtomicBoolean cancelled = new AtomicBoolean();
            CountDownLatch finished = new CountDownLatch(1);
            Thread onInterrupt = new Thread(() -> {
                cancelled.set(true);
                session.printer().note("cli.op.cancelling");
                try {
                    finished.await(CANCEL_WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "iepmp-cancel-operation");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                return engine.apply(plan, warnings, view::progress, cancelled::get);
            } finally {
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException e) {
                    // The process is already shutting down (Ctrl-C): the hook is running and ends now.
                }
            }
        }

        private static boolean confirmed(CliSession session, List<PreflightResult> checks) {
            boolean warned = checks.stream().anyMatch(c -> c.status() == PreflightStatus.WARN);
            String question = session.messages().get(warned ? "cli.op.confirmWithWarnings" : "cli.op.confirm");
            String yes = session.messages().get("cli.op.answerYes");
            return session.environment().prompter().line(question + " ")
                    .map(answer -> answer.strip().toLowerCase(Locale.ROOT))
                    .filter(answer -> answer.equals("y") || answer.equals("yes") || answer.equals(yes.toLowerCase(Locale.ROOT)))
                    .isPresent();
        }

        Actor actor(CliSession session) {
            return new Actor(session.environment().osUser(), run.technician);
        }

        Reason reason() {
            return new Reason(run.reason, run.ticket);
        }

        String releaseName() {
            return run.release != null ? run.release : packageName;
        }

        /** The release of the package on the cluster (in {@code --namespace} when given). */
        ReleaseInfo installed(CliSession session) {
            return Releases.find(session, releaseName(), run.namespace);
        }

        /** The values applied to the release now (secrets included, never shown), as the engine's inventory reads them. */
        static Map<String, Object> currentValues(ClusterLifecycle engine, ReleaseInfo release) {
            return engine.currentValues(release.name(), release.namespace());
        }
    }

    @Command(name = "install")
    static final class Install extends OperationCommand {
        @Option(names = "--version", paramLabel = "VERSION", descriptionKey = "cli.op.option.version")
        String version;
        @Option(names = "--repository", paramLabel = "NAME", descriptionKey = "cli.op.option.repository")
        String repository;
        @Mixin
        ValueOptions values;

        @Override
        protected void validate() {
            values.values(Map.of());
            values.settings();
        }

        @Override
        protected Optional<OperationRequest> request(CliSession session, ClusterLifecycle engine) {
            // A package listed by several repositories comes from the one named, else from the first.
            var resolved = session.catalog().resolve(Optional.ofNullable(repository), packageName,
                    Optional.ofNullable(version).map(v -> VersionNames.match(publishedVersions(session, repository), v).orElse(v)));
            String namespace = run.namespace != null ? run.namespace : engine.defaultNamespace(packageName, resolved.defaultNamespace());
            List<InstalledPackage> existing = engine.installedAs(releaseName(), namespace);
            if (existing.stream().anyMatch(p -> !p.packageName().equals(packageName))) {
                throw CliException.failure("cli.op.alreadyInstalled", "cli.op.alreadyInstalled.hint", releaseName(),
                        namespace, existing.get(0).packageName() + " " + existing.get(0).version());
            }
            // Installing what is installed changes its settings: --set and values files apply on top of its current values.
            Map<String, Object> chosen = values.values(engine.installStartingValues(releaseName(), namespace));
            return Optional.of(new OperationRequest(OperationAction.INSTALL, packageName, resolved.version(), run.release, namespace,
                    chosen, null, actor(session), reason()).withRepository(repository).withSettings(values.settings()));
        }
    }

    @Command(name = "upgrade")
    static final class Upgrade extends OperationCommand {
        @Option(names = "--version", paramLabel = "VERSION", descriptionKey = "cli.op.option.toVersion")
        String version;
        @Option(names = "--repository", paramLabel = "NAME", descriptionKey = "cli.op.option.repository")
        String repository;
        @Option(names = "--reset-values", descriptionKey = "cli.op.option.resetValues")
        boolean resetValues;
        @Mixin
        ValueOptions values;

        @Override
        protected void validate() {
            values.values(Map.of());
            values.settings();
        }

        @Override
        protected Optional<OperationRequest> request(CliSession session, ClusterLifecycle engine) {
            ReleaseInfo release = installed(session);
            String target = version;
            if (target == null) {
                UpgradeCandidates candidates = session.catalog().upgradeCandidates(Optional.ofNullable(repository), packageName,
                        release.chartVersion());
                if (candidates.latest().isEmpty()) {
                    session.printer().say("cli.op.upToDate", packageName, release.chartVersion());
                    return Optional.empty();
                }
                target = candidates.latest().get();
            } else {
                target = VersionNames.match(publishedVersions(session, repository), target).orElse(target);
                session.catalog().resolve(Optional.ofNullable(repository), packageName, Optional.of(target));
            }
            Map<String, Object> base = resetValues ? Map.of() : currentValues(engine, release);
            return Optional.of(new OperationRequest(OperationAction.UPGRADE, packageName, target, release.name(), release.namespace(),
                    values.values(base), null, actor(session), reason()).withRepository(repository).withSettings(values.settings()));
        }
    }

    @Command(name = "configure")
    static final class Configure extends OperationCommand {
        @Mixin
        ValueOptions values;

        @Override
        protected void validate() {
            if (!values.given()) {
                throw CliException.usage("cli.op.noValues", "cli.op.noValues.hint");
            }
            values.values(Map.of());
            values.settings();
        }

        @Override
        protected Optional<OperationRequest> request(CliSession session, ClusterLifecycle engine) {
            ReleaseInfo release = installed(session);
            return Optional.of(new OperationRequest(OperationAction.CONFIGURE, packageName, null, release.name(), release.namespace(),
                    values.values(currentValues(engine, release)), null, actor(session), reason())
                    .withSettings(values.settings()));
        }
    }

    @Command(name = "uninstall")
    static final class Uninstall extends OperationCommand {
        @Override
        protected Optional<OperationRequest> request(CliSession session, ClusterLifecycle engine) {
            ReleaseInfo release = installed(session);
            return Optional.of(new OperationRequest(OperationAction.UNINSTALL, packageName, null, release.name(), release.namespace(),
                    Map.of(), null, actor(session), reason()));
        }
    }

    /**
     * {@code repair}: a release a crash left pending goes back to its last deployed revision (the way {@code helm rollback}
     * does, with a new revision), one never deployed is removed, and a plain-manifest package whose apply was interrupted is
     * applied again at its last recorded version.
     */
    @Command(name = "repair")
    static final class Repair extends OperationCommand {
        @Override
        protected Optional<OperationRequest> request(CliSession session, ClusterLifecycle engine) {
            ReleaseInfo release = installed(session);
            if (!release.status().pending()) {
                session.printer().say("cli.repair.notNeeded", release.name(), release.namespace(),
                        release.status().name().toLowerCase(Locale.ROOT));
                return Optional.empty();
            }
            String pkg = engine.installedAs(release.name(), release.namespace()).stream().findFirst()
                    .map(InstalledPackage::packageName).orElse(packageName);
            return Optional.of(new OperationRequest(OperationAction.REPAIR, pkg, null, release.name(), release.namespace(),
                    Map.of(), null, actor(session), reason()));
        }
    }

    @Command(name = "rollback")
    static final class Rollback extends OperationCommand {

        @ArgGroup(exclusive = true)
        Target target;

        static final class Target {
            @Option(names = "--to-revision", paramLabel = "N", descriptionKey = "cli.op.option.toRevision")
            Integer revision;
            @Option(names = "--to-version", paramLabel = "VERSION", descriptionKey = "cli.op.option.rollbackVersion")
            String version;
        }

        @Override
        protected Optional<OperationRequest> request(CliSession session, ClusterLifecycle engine) {
            ReleaseInfo release = installed(session);
            List<StepRecord> targets = engine.rollbackTargets(release.name(), release.namespace());
            StepRecord chosen;
            if (target != null && target.revision != null) {
                chosen = byRevision(session, release, targets, target.revision);
            } else if (target != null && target.version != null) {
                chosen = targets.stream().filter(s -> VersionNames.same(s.toVersion(), target.version)).findFirst()
                        .orElseThrow(() -> unknown(target.version, release));
            } else {
                // The state before the current one: the newest recorded step that is not the current revision.
                chosen = targets.stream().skip(1).findFirst().orElseThrow(() -> unknown("-", release));
            }
            return Optional.of(new OperationRequest(OperationAction.ROLLBACK, packageName, chosen.toVersion(), release.name(),
                    release.namespace(), Map.of(), chosen.id(), actor(session), reason()));
        }

        /**
         * The recorded step that wrote Helm revision {@code revision}: the revision was written while the
         * step ran (with a little slack for clock differences); among several, the one with the same version.
         */
        private static StepRecord byRevision(CliSession session, ReleaseInfo release, List<StepRecord> targets, int revision) {
            ReleaseHistoryEntry entry = session.drivers().helm().history(release.name(), release.namespace(), CliSession.CALL_TIMEOUT)
                    .stream().filter(e -> e.revision() == revision && e.updated().isPresent()).findFirst()
                    .orElseThrow(() -> unknown(Integer.toString(revision), release));
            Instant written = entry.updated().get();
            Duration slack = Duration.ofSeconds(30);
            List<StepRecord> during = targets.stream()
                    .filter(s -> !written.isBefore(s.startedAt().minus(slack))
                            && (s.endedAt() == null || !written.isAfter(s.endedAt().plus(slack))))
                    .toList();
            return during.stream().filter(s -> VersionNames.same(s.toVersion(), entry.chartVersion())).findFirst()
                    .or(() -> during.size() == 1 ? Optional.of(during.get(0)) : Optional.empty())
                    .orElseThrow(() -> unknown(Integer.toString(revision), release));
        }

        private static LifecycleException unknown(String what, ReleaseInfo release) {
            return new LifecycleException(LifecycleErrorCode.ROLLBACK_TARGET_UNKNOWN, "no recorded state " + what, what, release.name());
        }
    }
}
