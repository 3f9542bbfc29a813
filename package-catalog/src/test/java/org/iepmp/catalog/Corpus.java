package org.iepmp.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the shared corpus of real repositories ({@code IEPMP_CORPUS}, else beside the project). */
final class Corpus {

    private Corpus() {
    }

    static Optional<Path> find() {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("IEPMP_CORPUS");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        String root = System.getProperty("iepmp.projectRoot");
        if (root != null) {
            candidates.add(root + "/../shared/corpus");
            candidates.add(root + "/../../shared/corpus");
        }
        String fallback = System.getenv("IEPMP_CORPUS_DEFAULT");
        if (fallback != null) {
            candidates.add(fallback);
        }
        candidates.add("/work/shared/corpus");
        return candidates.stream().map(Path::of).filter(Files::isDirectory).map(Path::normalize).findFirst();
    }
}
