package org.iepmp.catalog.api;

import java.util.Map;
import java.util.Set;

/**
 * Narrows a search. Empty sets mean "all".
 *
 * @param origins only these origins
 * @param repositories only these repositories
 * @param installedVersions installed packages, name → version (the catalog does not know the cluster)
 * @param state which installed state to keep
 */
public record SearchFilter(
        Set<Origin> origins, Set<String> repositories, Map<String, String> installedVersions, InstallState state) {

    public static final SearchFilter ALL = new SearchFilter(Set.of(), Set.of(), Map.of(), InstallState.ANY);

    public SearchFilter {
        origins = Set.copyOf(origins);
        repositories = Set.copyOf(repositories);
        installedVersions = Map.copyOf(installedVersions);
        state = state == null ? InstallState.ANY : state;
    }

    public enum InstallState {
        ANY,
        INSTALLED,
        NOT_INSTALLED,
        UPDATE_AVAILABLE
    }
}
