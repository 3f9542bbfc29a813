package org.iepmp.catalog.api;

import java.util.List;

/**
 * An entry of a repository's index that was left out while the rest of the repository stays usable (as Helm does):
 * which package, which version, which field, and why, as a code with its parameters.
 *
 * @param file the repository file that holds the entry ({@code repo/index.yaml})
 * @param packageName the package (chart) name as written, or {@code ""} when it could not be read
 * @param version the version as written, or {@code ""} when the whole package was left out
 * @param field the offending field
 * @param reason why, in the words of this code
 * @param reasonParams the parameters of {@code reason}
 */
public record SkippedEntry(String file, String packageName, String version, String field, CatalogErrorCode reason,
        List<String> reasonParams) {

    public SkippedEntry {
        packageName = packageName == null ? "" : packageName;
        version = version == null ? "" : version;
        field = field == null ? "" : field;
        reasonParams = List.copyOf(reasonParams);
    }

    /** The entry left out because of {@code failure}, naming the field the failure names. */
    public static SkippedEntry of(String file, String packageName, String version, String field, CatalogException failure) {
        List<String> params = failure.params().stream().map(String::valueOf).toList();
        return new SkippedEntry(file, packageName, version, field, (CatalogErrorCode) failure.code(), params);
    }

    /** The reason as an exception, for the one mapping of codes to words. */
    public CatalogException asException() {
        return new CatalogException(reason, file + " " + packageName + " " + version + " " + field + ": " + reason,
                reasonParams.toArray());
    }
}
