package org.iepmp.lifecycle.secret;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;

/**
 * The per-user random key (32 bytes, file mode 0600 in the data folder) that seals secret
 * values in the history and keys the fingerprints of masks. Losing the file loses only the
 * ability to restore secrets from old history rows; the rows themselves stay readable.
 */
public final class LocalSecretKey {

    private static final int KEY_BYTES = 32;

    private final byte[] master;

    private LocalSecretKey(byte[] master) {
        this.master = master;
    }

    /** Reads the key file, creating it (atomically, owner-only) if it does not exist. */
    public static LocalSecretKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != KEY_BYTES) {
                throw new LifecycleException(LifecycleErrorCode.SECRET_KEY_UNAVAILABLE, "Key file has " + bytes.length + " bytes", file);
            }
            return new LocalSecretKey(bytes);
        } catch (IOException e) {
            throw new LifecycleException(LifecycleErrorCode.SECRET_KEY_UNAVAILABLE, "Cannot read or create key file", e, file);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".key-", ".tmp");
        try {
            restrictToOwner(temp);
            // Forced to disk before it is linked in: after a power cut an empty key file would lock the history away.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(key));
                channel.force(true);
            }
            try {
                // A hard link never replaces an existing file: if a concurrent start created the key first, theirs wins
                // (a rename would silently replace it, and what they sealed would become unreadable).
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                // The other start won.
            } catch (UnsupportedOperationException | IOException e) {
                // No hard links on this file system: a plain move, which also refuses an existing target.
                try {
                    Files.move(temp, file);
                } catch (FileAlreadyExistsException alreadyThere) {
                    // The other start won.
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the file lives in the user's own profile, protected by its ACL.
        }
    }

    /** Key for sealing secrets (AES-256-GCM). */
    public byte[] sealingKey() {
        return derive("iepmp-seal-v1");
    }

    /** Key for the fingerprints in masks (HMAC-SHA256). */
    public byte[] fingerprintKey() {
        return derive("iepmp-fingerprint-v1");
    }

    private byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), KEY_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
