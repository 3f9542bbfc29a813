package org.iepmp.catalog.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a repository says about one published version, for the package detail.
 *
 * @param version the version
 * @param released when it was published, empty when the repository format records no date (Glasskube does not)
 * @param integrity how the catalog checks the bytes of this version before it is installed
 * @param deprecated its publisher marked it deprecated (Helm's {@code deprecated: true}): never to be proposed
 */
public record VersionFacts(String version, Optional<Instant> released, Integrity integrity, boolean deprecated) {

    public VersionFacts {
        Objects.requireNonNull(version, "version");
        released = released == null ? Optional.empty() : released;
        Objects.requireNonNull(integrity, "integrity");
    }

    /** A version its publisher says nothing against. */
    public VersionFacts(String version, Optional<Instant> released, Integrity integrity) {
        this(version, released, integrity, false);
    }

    /**
     * The checks the catalog really makes; no source verifies a publisher's signature.
     */
    public enum Integrity {
        /** A Helm index records the archive's sha256; the download is compared with it and refused on mismatch. */
        DIGEST_RECORDED,
        /** The Helm index records no digest; the catalog refuses to download the archive. */
        DIGEST_MISSING,
        /** An OCI registry: the chart layer is compared with the digest of the registry's manifest on download. */
        REGISTRY_DIGEST,
        /**
         * A Glasskube package: its chart is compared with the digest of its chart repository's index on download;
         * plain manifests it applies are read as they are, without a digest.
         */
        CHART_REPOSITORY_DIGEST
    }
}
