package org.iepmp.lifecycle.versions;

import java.util.Locale;

/**
 * The version a person or a chart means, without its spelling: Glasskube publishes package
 * {@code v1.0.0+1} for a chart whose own version is {@code 1.0.0} (the {@code +1} counts the
 * package's revisions of the same upstream version), so a release running chart {@code 1.0.0}
 * runs that package version. Compares the core: no leading {@code v}, no build metadata, any case.
 */
public final class VersionCores {

    private VersionCores() {
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
}
