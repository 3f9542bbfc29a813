package org.iepmp.app.gui.repositories;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.Transport;

/**
 * The repository format from what is there, so the technician need not know it: an {@code oci://}
 * reference is an OCI registry; a folder whose {@code index.yaml} lists {@code entries} with an
 * {@code apiVersion} is a Helm chart repository, one that lists {@code packages} (or has per-package
 * {@code versions.yaml} files) is a Glasskube repository. Reads at most the head of one file: call it
 * off the FX thread. Empty when nothing tells (the form keeps the technician's choice).
 */
public final class RepositoryFormats {

    /** Enough of an index to see its top-level keys; an index can be many megabytes. */
    private static final int HEAD_BYTES = 64 * 1024;
    private static final Pattern HELM_ENTRIES = Pattern.compile("(?m)^entries:\\s*$");
    private static final Pattern HELM_API = Pattern.compile("(?m)^apiVersion:\\s*v1\\s*$");
    private static final Pattern GLASSKUBE_PACKAGES = Pattern.compile("(?m)^packages:\\s*(\\[\\s*\\]\\s*)?$");

    private RepositoryFormats() {
    }

    public static Optional<RepositoryType> detect(Transport transport, String location) {
        String where = location == null ? "" : location.trim();
        if (where.toLowerCase(Locale.ROOT).startsWith("oci://")) {
            return Optional.of(RepositoryType.OCI);
        }
        if (transport != Transport.DIR || where.isEmpty()) {
            return Optional.empty();
        }
        try {
            return detectFolder(Path.of(where));
        } catch (InvalidPathException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<RepositoryType> detectFolder(Path folder) throws IOException {
        Path index = folder.resolve("index.yaml");
        if (!Files.isRegularFile(index)) {
            return Optional.empty();
        }
        String head;
        try (InputStream in = Files.newInputStream(index)) {
            head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
        }
        if (HELM_ENTRIES.matcher(head).find() && HELM_API.matcher(head).find()) {
            return Optional.of(RepositoryType.HELM);
        }
        if (GLASSKUBE_PACKAGES.matcher(head).find()) {
            return Optional.of(RepositoryType.GLASSKUBE);
        }
        return Optional.empty();
    }
}
