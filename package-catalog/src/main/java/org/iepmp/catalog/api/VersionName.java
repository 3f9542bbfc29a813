package org.iepmp.catalog.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A version as a person, a repository or a chart spells it; the one place that says whether two
 * spellings name the same version (ranges are the catalog's: {@link Catalog#satisfies}).
 *
 * <p>Glasskube publishes package {@code v1.0.0+1} for a chart whose own version is {@code 1.0.0}
 * (the {@code +1} counts the package's revisions of the same upstream version), so a release
 * running chart {@code 1.0.0} runs that package version. The core drops the leading {@code v} and
 * the build metadata and ignores case.
 */
public record VersionName(String text) {

    public VersionName {
        Objects.requireNonNull(text, "text");
    }

    /** {@code v1.2.0+3} and {@code 1.2.0} both give {@code 1.2.0}. */
    public String core() {
        String v = text.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("v")) {
            v = v.substring(1);
        }
        int plus = v.indexOf('+');
        return plus < 0 ? v : v.substring(0, plus);
    }

    /** True when both name the same version (null never matches). */
    public static boolean same(String a, String b) {
        return a != null && b != null && (a.equals(b) || new VersionName(a).core().equals(new VersionName(b).core()));
    }
}
