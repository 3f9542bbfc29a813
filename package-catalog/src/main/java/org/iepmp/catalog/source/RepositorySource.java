package org.iepmp.catalog.source;

import java.util.List;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.VerifiedArchive;
import org.iepmp.catalog.api.VersionFacts;

/** One repository, whatever its layout and transport. */
public interface RepositorySource {

    RepositoryDefinition definition();

    /** Reads the repository's package list: from the network when asked, else from the cache only. */
    LoadedRepository load(boolean network);

    /** The content of one version; {@code version} is one of the listed versions. */
    ResolvedVersion resolve(String packageName, String version);

    /** The chart archive of a version of this repository, digest-checked. */
    VerifiedArchive fetchChartArchive(ResolvedVersion version);

    /** Release dates and integrity checks of the listed versions of a package, newest first; no network. */
    List<VersionFacts> versionFacts(CatalogPackage pkg);

    /** The manifest texts of a version of this repository. */
    List<String> manifests(ResolvedVersion version);
}
