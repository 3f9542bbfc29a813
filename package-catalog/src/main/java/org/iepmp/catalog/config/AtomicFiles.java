package org.iepmp.catalog.config;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes files so a reader never sees half of one: temp file in the same folder, then a move. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Creates an empty temp file beside {@code target}; private to the user when the file system allows. */
    public static Path tempBeside(Path target, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String prefix = "." + target.getFileName() + ".";
        if (ownerOnly && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-------");
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(perms);
            return Files.createTempFile(dir, prefix, ".tmp", attr);
        }
        return Files.createTempFile(dir, prefix, ".tmp");
    }

    /** Moves {@code temp} over {@code target} atomically where the file system can. */
    public static void moveInto(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code bytes} to {@code target} through a temp file. */
    public static void write(Path target, byte[] bytes, boolean ownerOnly) throws IOException {
        Path temp = tempBeside(target, ownerOnly);
        try {
            Files.write(temp, bytes);
            moveInto(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
