package org.iepmp.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real entry point in a process of its own, with its window up (Monocle, headless) on the practice
 * cluster: SIGTERM (as {@code kill} sends) and SIGINT (Ctrl+C) close the window as its close button does
 * — the window hides, the composition closes — and the process ends soon after.
 */
class CloseOnSignalProcessTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aTerminationSignalClosesTheWindowAsTheCloseButtonDoes(String signal) throws Exception {
        Path home = dir.resolve("iepmp");
        Process process = start(home);
        try {
            waitForLog(home, "Main window shown", process);
            // Let the window's background start (cluster discovery, history) get going: the signal lands mid-work.
            TimeUnit.SECONDS.sleep(2);
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the process ends after SIG" + signal).isTrue();
            String log = logText(home);
            assertThat(log).contains("Termination signal: closing the window as its close button does",
                    "Window closed after a termination signal");
        } finally {
            process.destroyForcibly();
        }
    }

    private Process start(Path home) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Xmx512m"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.iepmp.app.Main",
                "--home", home.toString(), "--practice", "--lang", "en"));
        Path out = dir.resolve("out.txt");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    private static void waitForLog(Path home, String line, Process process) throws Exception {
        for (int i = 0; i < 240; i++) {
            if (logText(home).contains(line)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the window process ended early:\n" + logText(home));
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("no \"" + line + "\" in the log within 120 s:\n" + logText(home));
    }

    private static String logText(Path home) throws IOException {
        StringBuilder text = new StringBuilder();
        if (!Files.isDirectory(home)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                text.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }
}
