package org.iepmp.catalog.api;

/**
 * A package this version needs installed first.
 *
 * @param name package name
 * @param versionRange semver range (npm/Helm syntax: {@code 1.x.x}, {@code >=1.2 <2}, {@code ^1.2},
 *     {@code ~1.2}); empty means any version
 */
public record Dependency(String name, String versionRange) {

    public Dependency {
        versionRange = versionRange == null ? "" : versionRange.trim();
    }
}
