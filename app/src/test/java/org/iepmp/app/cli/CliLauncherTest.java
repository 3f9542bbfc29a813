package org.iepmp.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real entry point in processes of their own: {@code Main} hands a command to the command line
 * without loading JavaFX or GUI classes, and {@code practice start} leaves a practice cluster running
 * in a detached process that {@code --practice} commands use and {@code practice stop} ends.
 */
class CliLauncherTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static List<String> main(String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.iepmp.app.Main"));
        return command;
    }

    private Result exec(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("no answer within 120 s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aCommandLoadsNoJavaFxAndNoGuiClass() throws Exception {
        List<String> command = main("-verbose:class");
        command.addAll(List.of("--home", dir.resolve("iepmp").toString(), "repo", "list"));
        Result result = exec(command);
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("org.iepmp.app.cli.Cli ", "No repositories are configured.")
                .doesNotContain("javafx.", "org.iepmp.app.gui.", "org.iepmp.app.LaunchOptions");
    }

    @Test
    void practiceStartsInItsOwnProcessServesLaterCommandsAndStops() throws Exception {
        Path home = dir.resolve("iepmp");
        List<String> start = main();
        start.addAll(List.of("--home", home.toString(), "practice", "start"));
        Result started = exec(start);
        long pid = -1;
        try {
            assertThat(started.exit()).as(started.err()).isZero();
            Path kubeconfig = Path.of(started.out().strip());
            assertThat(kubeconfig).exists().startsWith(home);
            assertThat(started.err()).contains("Practice cluster runs at http://127.0.0.1:",
                    "iepmp repo add practice " + home.resolve("cache/practice-cli/catalog/glasskube"),
                    "iepmp repo add practice-charts " + home.resolve("cache/practice-cli/catalog/helm"));
            pid = new PracticeProcess(home.resolve("cache/practice-cli"), List.of()).running().orElseThrow().pid();
            CliHarness cli = new CliHarness(dir);
            CliHarness.Run doctor = cli.run("--practice", "doctor");
            assertThat(doctor.exit()).as(doctor.toString()).isZero();
            assertThat(doctor.out()).contains("Connected to http://127.0.0.1:");
            CliHarness.Run again = cli.run("practice", "start", "-o", "json");
            assertThat(again.out()).as("the running one is reused").contains("\"pid\" : " + pid);
        } finally {
            // Always, also after a failed assertion: no practice process outlives the test.
            List<String> stop = main();
            stop.addAll(List.of("--home", home.toString(), "practice", "stop"));
            Result stopped = exec(stop);
            assertThat(stopped.exit()).as(stopped.err()).isZero();
            assertThat(stopped.out()).contains("Practice cluster stopped.");
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(new CliHarness(dir).run("--practice", "list").err()).contains("The practice cluster is not running.");
    }
}
