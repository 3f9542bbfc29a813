package org.iepmp.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A finished external command: exit code and its output (stdout and stderr merged). */
record ProcessRun(List<String> command, int exitCode, String output) {

    /**
     * Runs {@code command} in {@code directory} with {@code environment} added to (or, for a
     * {@code null} value, removed from) this process's environment; kills it after {@code timeout}.
     */
    static ProcessRun run(List<String> command, Path directory, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("installer-check", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            environment.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(command + " did not finish within " + timeout + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new ProcessRun(command, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static ProcessRun run(List<String> command, Path directory) throws IOException, InterruptedException {
        return run(command, directory, Map.of(), Duration.ofMinutes(2));
    }

    ProcessRun requireSuccess() {
        if (exitCode != 0) {
            throw new IllegalStateException(command + " exited with " + exitCode + ":\n" + output);
        }
        return this;
    }
}
