package org.iepmp.app.gui.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The folder last chosen in, where the next chooser opens (as long as it still exists). */
public final class ChooserMemory {

    private final AtomicReference<Path> last = new AtomicReference<>();

    public void remember(Path folder) {
        last.set(folder);
    }

    /** Reads the disk: call it off the FX thread. */
    public Optional<Path> lastFolder() {
        return Optional.ofNullable(last.get()).filter(Files::isDirectory);
    }
}
