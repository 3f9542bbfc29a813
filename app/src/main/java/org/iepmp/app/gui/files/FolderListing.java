package org.iepmp.app.gui.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** One folder's entries as the chooser shows them: folders first, then files, by name; hidden ones left out. */
public final class FolderListing {

    /** An entry of a folder. */
    public record Entry(Path path, boolean folder) {
        public String name() {
            return path.getFileName() == null ? path.toString() : path.getFileName().toString();
        }
    }

    private FolderListing() {
    }

    /** @param foldersOnly for choosing a folder: files would only be in the way */
    public static List<Entry> of(Path folder, boolean foldersOnly) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> new Entry(p, Files.isDirectory(p)))
                    .filter(e -> e.folder() || !foldersOnly)
                    .sorted(Comparator.comparing((Entry e) -> !e.folder())
                            .thenComparing(e -> e.name().toLowerCase(Locale.ROOT)))
                    .toList();
        }
    }
}
