package org.iepmp.kube.helm;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real chart archives built from the test fixtures, at any version, with Helm's own packager. */
final class TestCharts {

    private TestCharts() {
    }

    static Path folder(String name) throws URISyntaxException {
        return Path.of(TestCharts.class.getResource("/charts/" + name + "/Chart.yaml").toURI()).getParent();
    }

    /** Packages fixture {@code name} as version {@code version} into {@code destination}. */
    static Path archive(String name, String version, Path destination) throws IOException, URISyntaxException {
        Path source = folder(name);
        Path copy = Files.createDirectories(destination.resolve("src-" + name + "-" + version).resolve(name));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.toList();
        }
        for (Path file : files) {
            Path target = copy.resolve(source.relativize(file).toString());
            if (Files.isDirectory(file)) {
                Files.createDirectories(target);
            } else {
                Files.copy(file, target);
            }
        }
        Path chartYaml = copy.resolve("Chart.yaml");
        Files.writeString(chartYaml, Files.readString(chartYaml).replaceAll("(?m)^version: .*$", "version: " + version));
        new Helm(copy).packageIt().withDestination(destination).call();
        Path archive = destination.resolve(name + "-" + version + ".tgz");
        if (!Files.isRegularFile(archive)) {
            throw new IOException("helm package did not produce " + archive);
        }
        return archive;
    }
}
