package org.iepmp.app.gui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** USB sticks and mounted shares first, as the desktop mounts them, then home; a folder's entries, folders first. */
class ChooserPlacesTest {

    @TempDir
    Path root;

    @Test
    void mountedMediaAndSharesComeBeforeHome() throws Exception {
        Path media = Files.createDirectories(root.resolve("media"));
        Path runMedia = Files.createDirectories(root.resolve("run/media"));
        Path mnt = Files.createDirectories(root.resolve("mnt"));
        Path stick = Files.createDirectories(media.resolve("tech/USB-STICK"));
        Path bare = Files.createDirectories(media.resolve("usb0"));
        Path udisks = Files.createDirectories(runMedia.resolve("tech/VENDOR"));
        Files.createDirectories(runMedia.resolve("someone-else/PRIVATE"));
        Path share = Files.createDirectories(mnt.resolve("plant-share"));
        Path home = Files.createDirectories(root.resolve("home/tech"));

        List<Path> places = new ChooserPlaces(List.of(media, runMedia, mnt, root.resolve("absent")), home, "tech").list();

        assertThat(places).containsExactly(stick, bare, udisks, share, home);
    }

    @Test
    void listsFoldersFirstWithoutHiddenEntries() throws Exception {
        Files.createDirectories(root.resolve("b-folder"));
        Files.createDirectories(root.resolve("A-folder"));
        Files.writeString(root.resolve("a.csv"), "x");
        Files.writeString(root.resolve(".hidden"), "x");

        assertThat(FolderListing.of(root, false)).extracting(FolderListing.Entry::name)
                .containsExactly("A-folder", "b-folder", "a.csv");
        assertThat(FolderListing.of(root, true)).extracting(FolderListing.Entry::name)
                .containsExactly("A-folder", "b-folder");
    }
}
