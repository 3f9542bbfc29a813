package org.iepmp.app.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The checkout's root folder, for tests that read every module's sources or poms. */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path find() {
        String fromBuild = System.getProperty("iepmp.projectRoot");
        if (fromBuild != null && Files.isDirectory(Path.of(fromBuild, "i18n"))) {
            return Path.of(fromBuild);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("i18n")) && Files.isDirectory(dir.resolve("app"))) {
                return dir;
            }
        }
        throw new IllegalStateException("project root not found from " + here);
    }

    /** Every {@code .java} file under a module's {@code src/main/java}, modules in name order. */
    static List<Path> mainJavaFiles(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                Path sources = module.resolve("src/main/java");
                if (Files.isDirectory(sources)) {
                    try (Stream<Path> files = Files.walk(sources)) {
                        files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(found::add);
                    }
                }
            }
        }
        return found;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
