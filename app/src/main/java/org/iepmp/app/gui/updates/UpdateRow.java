package org.iepmp.app.gui.updates;

import java.util.Optional;
import org.iepmp.catalog.api.Origin;
import org.iepmp.lifecycle.api.UpdateInfo;

/** One release that can be updated, with the origin of the repository that offers the update. */
public record UpdateRow(UpdateInfo info, Optional<Origin> origin) {

    /** The newest version; present for every row of the list. */
    public String latest() {
        return info.latest().orElse("");
    }

    /** The newest version in the installed major, when it differs from {@link #latest()}: the safer choice. */
    public Optional<String> saferSameMajor() {
        return info.latestSameMajor().filter(v -> !v.equals(latest()));
    }

    /** Going to the latest version changes the major version: expect breaking changes. */
    public boolean majorChange() {
        return Versions.major(info.installedVersion()) != Versions.major(latest());
    }

    /** Semantic-version major numbers, tolerant of a leading "v" and of Glasskube's "+1" suffix. */
    public static final class Versions {
        private Versions() {
        }

        public static long major(String version) {
            if (version == null) {
                return -1;
            }
            String v = version.trim();
            if (v.startsWith("v") || v.startsWith("V")) {
                v = v.substring(1);
            }
            int end = 0;
            while (end < v.length() && Character.isDigit(v.charAt(end))) {
                end++;
            }
            if (end == 0 || end > 18) {
                return -1;
            }
            return Long.parseLong(v.substring(0, end));
        }
    }
}
