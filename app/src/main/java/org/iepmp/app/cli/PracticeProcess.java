package org.iepmp.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.iepmp.practice.api.PracticeCatalog;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The practice cluster as a process of its own, so it outlives the command that started it and
 * {@code helm}, {@code kubectl} and later {@code iepmp --practice} commands can use it. The process
 * writes its pid, URL and kubeconfig path into {@code state.properties} in its folder once it
 * serves; {@link #stop} ends it and removes the file.
 */
public final class PracticeProcess {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeProcess.class);
    private static final Duration POLL = Duration.ofMillis(100);

    /** What a running practice process wrote about itself. */
    public record State(long pid, Path kubeconfig, String url) {
    }

    private final Path dir;
    private final List<String> selfCommand;

    PracticeProcess(Path dir, List<String> selfCommand) {
        this.dir = dir;
        this.selfCommand = selfCommand;
    }

    Path stateFile() {
        return dir.resolve("state.properties");
    }

    /** Where the practice process writes the practice catalog ({@code glasskube/} and {@code helm/}). */
    Path catalogDir() {
        return dir.resolve("catalog");
    }

    Path logFile() {
        return dir.resolve("practice.log");
    }

    /**
     * The state of the practice process when it is alive; a state left by a dead process is ignored,
     * and so is one whose pid now belongs to another program (never stop a stranger).
     */
    public Optional<State> running() {
        Optional<State> state = read();
        return state.filter(s -> ProcessHandle.of(s.pid()).filter(ProcessHandle::isAlive).filter(PracticeProcess::ours).isPresent());
    }

    private static boolean ours(ProcessHandle process) {
        String line;
        try {
            // Linux's own record: ProcessHandle.Info cuts the command line at 4 KiB, before a long class path ends.
            line = new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            line = process.info().commandLine().orElse("");
        }
        return line.contains("practice run --state-dir");
    }

    /** Starts the process (or finds the running one) and waits until it serves. */
    public State start(Duration timeout) throws IOException, InterruptedException {
        Optional<State> existing = running();
        if (existing.isPresent()) {
            return existing.get();
        }
        Files.createDirectories(dir);
        Files.deleteIfExists(stateFile());
        List<String> command = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            // Its own session: a Ctrl-C in the terminal that started it does not reach it.
            command.add(setsid.toString());
        }
        command.addAll(selfCommand);
        command.addAll(List.of("practice", "run", "--state-dir", dir.toAbsolutePath().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
        process.getOutputStream().close();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<State> state = read();
            if (state.isPresent()) {
                return state.get();
            }
            if (!process.isAlive()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        process.destroy();
        throw CliException.failure("cli.practice.startFailed", "cli.practice.startFailed.hint", logFile().toString());
    }

    /** Ends the running process; false when none was running. */
    public boolean stop(Duration timeout) throws IOException, InterruptedException {
        Optional<State> state = running();
        if (state.isEmpty()) {
            Files.deleteIfExists(stateFile());
            return false;
        }
        ProcessHandle handle = ProcessHandle.of(state.get().pid()).orElse(null);
        if (handle != null) {
            handle.destroy();
            try {
                handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("Practice process {} did not end in time; killing it", state.get().pid());
                handle.destroyForcibly();
            }
        }
        Files.deleteIfExists(stateFile());
        return true;
    }

    /** Runs in the practice process itself: serves until the process is told to end. */
    void serve() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        // The practice catalog beside it, so a trainee can add it as repositories (see practice start).
        PracticeCatalog.create().writeTo(catalogDir());
        PracticeCluster cluster = PracticeCluster.start(PracticeOptions.defaults().withKubeconfig(dir.resolve("kubeconfig.yaml")));
        CountDownLatch ended = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.stop();
            try {
                Files.deleteIfExists(stateFile());
            } catch (IOException e) {
                LOG.warn("Cannot remove {}", stateFile(), e);
            }
            ended.countDown();
        }, "iepmp-practice-stop"));
        write(new State(ProcessHandle.current().pid(), cluster.kubeconfig().toAbsolutePath(), cluster.url()));
        LOG.info("Practice cluster process {} serving on {}", ProcessHandle.current().pid(), cluster.url());
        ended.await();
    }

    private void write(State state) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(state.pid()));
        properties.setProperty("kubeconfig", state.kubeconfig().toString());
        properties.setProperty("url", state.url());
        Path temp = Files.createTempFile(dir, "state", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                properties.store(out, "IEPMP practice cluster process");
            }
            try {
                Files.move(temp, stateFile(), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, stateFile(), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Optional<State> read() {
        if (!Files.isRegularFile(stateFile())) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(stateFile())) {
            properties.load(in);
            return Optional.of(new State(Long.parseLong(properties.getProperty("pid")), Path.of(properties.getProperty("kubeconfig")),
                    properties.getProperty("url", "")));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Unreadable practice state {}", stateFile(), e);
            return Optional.empty();
        }
    }
}
