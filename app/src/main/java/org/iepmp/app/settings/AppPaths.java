package org.iepmp.app.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Per-user directories following the XDG base directory spec, each overridable by an
 * {@code IEPMP_*_DIR} variable (and by command-line flags through {@link #withOverrides}).
 */
public record AppPaths(Path configDir, Path dataDir, Path cacheDir, Path logDir) {

    public static AppPaths fromEnvironment(Map<String, String> env, Path home) {
        Path config = pick(env, "IEPMP_CONFIG_DIR", "XDG_CONFIG_HOME", home.resolve(".config"));
        Path data = pick(env, "IEPMP_DATA_DIR", "XDG_DATA_HOME", home.resolve(".local/share"));
        Path cache = pick(env, "IEPMP_CACHE_DIR", "XDG_CACHE_HOME", home.resolve(".cache"));
        Path state = pick(env, "IEPMP_LOG_DIR", "XDG_STATE_HOME", home.resolve(".local/state"));
        Path logs = env.containsKey("IEPMP_LOG_DIR") ? state : state.resolve("logs");
        return new AppPaths(config, data, cache, logs);
    }

    /** A root where all four live, for tests and portable runs ({@code --home DIR}). */
    public static AppPaths under(Path root) {
        return new AppPaths(root.resolve("config"), root.resolve("data"), root.resolve("cache"), root.resolve("logs"));
    }

    private static Path pick(Map<String, String> env, String own, String xdg, Path fallback) {
        String value = env.get(own);
        if (value != null && !value.isBlank()) {
            return Path.of(value);
        }
        value = env.get(xdg);
        // The XDG spec says relative paths are invalid and must be ignored.
        Path base = value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
        return base.resolve("iepmp");
    }

    public Path settingsFile() {
        return configDir.resolve("settings.properties");
    }

    public Path historyDatabase() {
        return dataDir.resolve("history.db");
    }

    public Path archiveStore() {
        return dataDir.resolve("charts");
    }

    public void createAll() throws IOException {
        for (Path dir : new Path[] {configDir, dataDir, cacheDir, logDir}) {
            Files.createDirectories(dir);
        }
    }
}
