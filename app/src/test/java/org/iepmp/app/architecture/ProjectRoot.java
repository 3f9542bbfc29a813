package org.iepmp.app.architecture;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
