package org.iepmp.app.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iepmp.i18n.api.I18n;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.lifecycle.api.EngineSettings;

/**
 * Runs the command line in-process, as the launcher would, with its own home folder, no cluster
 * on the machine (unless a command names one), English OS locale and answers typed on "stdin".
 */
final class CliHarness {

    /** Short waits: the practice cluster's pods are ready after 150 ms; a crash loop shows within 2 s. */
    static final EngineSettings FAST = new EngineSettings(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(20),
            Duration.ofMillis(150), Duration.ofSeconds(2), Duration.ofSeconds(60), false);

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final Path home;
    private final DiscoveryLocations locations;
    private final I18n i18n = I18n.load();
    private final List<String> selfCommand;

    CliHarness(Path home) {
        this(home, List.of());
    }

    CliHarness(Path home, List<String> selfCommand) {
        this.home = home;
        Path nowhere = home.resolve("no-such-cluster");
        this.locations = new DiscoveryLocations(nowhere.resolve("microk8s"), nowhere.resolve("k3s"), List.of(),
                nowhere.resolve("kubeconfig"));
        this.selfCommand = selfCommand;
    }

    /** A run on its own thread, for commands that keep going ({@code logs --follow}); interrupt it to stop. */
    static final class Background {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread thread;
    }

    Background background(String... args) {
        Background run = new Background();
        CliOutput output = new CliOutput(new PrintWriter(run.out, true), new PrintWriter(run.err, true));
        CliEnvironment environment = new CliEnvironment(output, Prompter.reading(new BufferedReader(new StringReader("")), output),
                Map.of(), home, Locale.ENGLISH, locations, "tester", Clock.systemUTC(), selfCommand, FAST);
        List<String> all = new ArrayList<>(List.of("--home", home.resolve("iepmp").toString()));
        all.addAll(List.of(args));
        run.thread = new Thread(() -> run.exit.set(new Cli(environment, i18n).run(all.toArray(String[]::new))), "cli-background");
        run.thread.start();
        return run;
    }

    Run run(String... args) {
        return input("", args);
    }

    /** Runs with {@code answers} as what the person types. */
    Run input(String answers, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliOutput output = new CliOutput(new PrintWriter(out, true), new PrintWriter(err, true));
        CliEnvironment environment = new CliEnvironment(output, Prompter.reading(new BufferedReader(new StringReader(answers)), output),
                Map.of(), home, Locale.ENGLISH, locations, "tester", Clock.systemUTC(), selfCommand, FAST);
        List<String> all = new ArrayList<>(List.of("--home", home.resolve("iepmp").toString()));
        all.addAll(List.of(args));
        int exit = new Cli(environment, i18n).run(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
