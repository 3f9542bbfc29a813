package org.iepmp.app.gui.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the chooser's places come from: USB sticks and mounted shares first (what a technician brings or
 * exports to), then the home folder. Sticks are mounted as {@code /media/USER/LABEL},
 * {@code /run/media/USER/LABEL} or {@code /media/LABEL}; shares under {@code /mnt/NAME}. Reads folders:
 * call it off the FX thread.
 */
public final class ChooserPlaces {

    private final List<Path> mountParents;
    private final Path home;
    private final String user;

    public ChooserPlaces(List<Path> mountParents, Path home, String user) {
        this.mountParents = List.copyOf(mountParents);
        this.home = home;
        this.user = user;
    }

    public static ChooserPlaces system() {
        return new ChooserPlaces(List.of(Path.of("/media"), Path.of("/run/media"), Path.of("/mnt")),
                Path.of(System.getProperty("user.home")), System.getProperty("user.name"));
    }

    public Path home() {
        return home;
    }

    /** The mounted media and shares, then the home folder; each once. */
    public List<Path> list() {
        Set<Path> places = new LinkedHashSet<>();
        for (Path parent : mountParents) {
            for (Path child : folders(parent)) {
                if (child.getFileName().toString().equals(user)) {
                    places.addAll(folders(child));
                } else if (!parent.endsWith("run/media")) {
                    places.add(child);
                }
            }
        }
        places.add(home);
        return new ArrayList<>(places);
    }

    private static List<Path> folders(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory).filter(Files::isReadable)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)))
                    .toList();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
