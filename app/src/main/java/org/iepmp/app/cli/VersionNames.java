package org.iepmp.app.cli;

import java.util.List;
import java.util.Optional;
import org.iepmp.catalog.api.VersionName;

/**
 * Lets people type versions the way they say them: {@code 1.0.0} finds Glasskube's {@code v1.0.0+1}
 * when exactly one published version has that core. An exact match always wins.
 */
final class VersionNames {

    private VersionNames() {
    }

    static Optional<String> match(List<String> published, String typed) {
        if (published.contains(typed)) {
            return Optional.of(typed);
        }
        List<String> same = published.stream().filter(v -> core(v).equals(core(typed))).toList();
        return same.size() == 1 ? Optional.of(same.get(0)) : Optional.empty();
    }

    static boolean same(String published, String typed) {
        return published != null && (published.equals(typed) || core(published).equals(core(typed)));
    }

    private static String core(String version) {
        return new VersionName(version).core();
    }
}
