package org.iepmp.catalog.api;

import java.util.Optional;

/**
 * Newer versions than the installed one.
 *
 * @param latest the newest stable version above the installed one
 * @param latestSameMajor the newest stable version above the installed one with the same major
 */
public record UpgradeCandidates(Optional<String> latest, Optional<String> latestSameMajor) {

    public boolean any() {
        return latest.isPresent();
    }
}
