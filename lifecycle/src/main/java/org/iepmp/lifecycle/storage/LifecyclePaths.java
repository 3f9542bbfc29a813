package org.iepmp.lifecycle.storage;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the lifecycle keeps its files, all in the per-user data folder: {@code history.db}
 * (SQLite), {@code secret.key}, {@code charts/} (archive store) and {@code locks/}.
 */
public record LifecyclePaths(Path dataDir) {

    public LifecyclePaths {
        Objects.requireNonNull(dataDir, "dataDir");
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /**
     * {@code IEPMP_DATA_HOME} if set, else {@code $XDG_DATA_HOME/iepmp}, else
     * {@code %LOCALAPPDATA%\iepmp} on Windows, else {@code ~/.local/share/iepmp}.
     */
    public static LifecyclePaths fromEnvironment(Map<String, String> env, Path userHome) {
        String explicit = env.get("IEPMP_DATA_HOME");
        if (present(explicit)) {
            return new LifecyclePaths(Path.of(explicit));
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (present(xdg)) {
            return new LifecyclePaths(Path.of(xdg, "iepmp"));
        }
        String localAppData = env.get("LOCALAPPDATA");
        if (present(localAppData)) {
            return new LifecyclePaths(Path.of(localAppData, "iepmp"));
        }
        return new LifecyclePaths(userHome.resolve(".local").resolve("share").resolve("iepmp"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    public Path historyFile() {
        return dataDir.resolve("history.db");
    }

    public Path secretKeyFile() {
        return dataDir.resolve("secret.key");
    }

    public Path archiveDir() {
        return dataDir.resolve("charts");
    }

    public Path locksDir() {
        return dataDir.resolve("locks");
    }
}
