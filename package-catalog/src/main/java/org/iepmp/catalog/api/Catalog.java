package org.iepmp.catalog.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The package catalog: which packages exist, in which versions, what a version contains and
 * needs, and whether its bytes can be trusted. Every method may block on network or disk (call
 * it off the UI thread) and throws {@link CatalogException} on failure.
 */
public interface Catalog {

    /**
     * Fetches every enabled repository in parallel (conditional requests against the disk
     * cache). A failing repository is reported in its status and, when cached, still shown.
     */
    List<RepositoryStatus> refresh();

    /**
     * Loads the catalog from the disk cache only (no network), e.g. at start-up or offline.
     * Directory repositories are read directly.
     */
    List<RepositoryStatus> loadCached();

    /**
     * Fetches only the named repositories; the others are loaded from the disk cache, so a slow or silent
     * repository never holds work about the others.
     */
    List<RepositoryStatus> refresh(java.util.Set<String> repositories);

    /** The status of each repository after the last refresh or cached load. */
    List<RepositoryStatus> statuses();

    /** Every package of every loaded repository, sorted by name then repository order. */
    List<CatalogPackage> packages();

    /** Ranked search: exact name, name prefix, name word, then description and keywords. */
    List<CatalogPackage> search(String query, SearchFilter filter);

    /** Versions of a package, newest first; from the first repository (in configured order) that has it. */
    List<String> versions(String packageName);

    /**
     * Whether a version lies within a dependency range as this catalog reads ranges ({@code >=1.2 <2},
     * {@code ^1.2}; empty and {@code *} accept every version). Throws {@link CatalogException}
     * INVALID_VERSION or INVALID_RANGE.
     */
    boolean satisfies(String version, String range);

    /**
     * Release date and integrity check of every version of a package, newest first; {@code repository} empty means
     * the first repository that has it. Read from the loaded index, no network.
     */
    List<VersionFacts> versionFacts(Optional<String> repository, String packageName);

    /** Newer stable versions than {@code installedVersion}. */
    UpgradeCandidates upgradeCandidates(String packageName, String installedVersion);

    /**
     * Newer stable versions than {@code installedVersion} among those of the named repository ({@code repository}
     * empty: the first repository that has the package).
     */
    UpgradeCandidates upgradeCandidates(Optional<String> repository, String packageName, String installedVersion);

    /**
     * Everything one version contains. {@code version} empty means the latest stable version;
     * {@code repository} empty means the first repository that has the package.
     */
    ResolvedVersion resolve(Optional<String> repository, String packageName, Optional<String> version);

    /** The package and its dependencies (transitively, across repositories), dependencies first. */
    InstallPlan plan(Optional<String> repository, String packageName, Optional<String> version);

    /** Downloads (or reuses) the chart archive of a version and checks its digest. */
    VerifiedArchive fetchChartArchive(ResolvedVersion version);

    /** Chart.yaml, values.yaml and values.schema.json of an archive, read safely in memory. */
    ChartFiles chartFiles(Path archive);

    /**
     * The typed form of a chart's {@code values.schema.json} (empty when the chart has none): the
     * same model as Glasskube value definitions, each targeting its chart value path.
     */
    List<ValueDefinition> valueDefinitions(ChartFiles chart, String chartName);

    /** Problems of {@code values} against the chart's {@code values.schema.json}; empty when valid or without schema. */
    List<ValueProblem> validateValues(ChartFiles chart, java.util.Map<String, Object> values);

    /** The texts of the manifests of a version, in order. */
    List<String> manifests(ResolvedVersion version);
}
