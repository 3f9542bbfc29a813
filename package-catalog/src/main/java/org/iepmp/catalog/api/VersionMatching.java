package org.iepmp.catalog.api;

import java.util.Locale;
import org.iepmp.catalog.version.Versions;

/**
 * The one place that says whether two version spellings name the same version, or a version meets a
 * range: the catalog, the lifecycle and the front ends all match versions here.
 *
 * <p>Glasskube publishes package {@code v1.0.0+1} for a chart whose own version is {@code 1.0.0}
 * (the {@code +1} counts the package's revisions of the same upstream version), so a release
 * running chart {@code 1.0.0} runs that package version. The core drops the leading {@code v} and
 * the build metadata and ignores case.
 */
public final class VersionMatching {

    private VersionMatching() {
    }

    /** {@code v1.2.0+3} and {@code 1.2.0} both give {@code 1.2.0}. */
    public static String core(String version) {
        String v = version.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("v")) {
            v = v.substring(1);
        }
        int plus = v.indexOf('+');
        return plus < 0 ? v : v.substring(0, plus);
    }

    /** True when both name the same version (null never matches). */
    public static boolean same(String a, String b) {
        return a != null && b != null && (a.equals(b) || core(a).equals(core(b)));
    }

    /**
     * Whether a semantic version lies within a range ({@code >=1.2 <2}, {@code ^1.2}; empty and
     * {@code *} accept every version). Throws {@link CatalogException} INVALID_VERSION or INVALID_RANGE.
     */
    public static boolean satisfies(String version, String range) {
        return Versions.satisfies(version, range);
    }
}
