package org.iepmp.catalog.version;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.UpgradeCandidates;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;
import org.semver4j.Semver;

/**
 * Semantic versions as package repositories use them. Glasskube marks package revisions of the
 * same upstream version as build metadata ({@code v16.4.0+2}); semver ignores build metadata for
 * precedence, so equal versions are ordered here by that revision number.
 */
public final class Versions {

    /** Oldest first. */
    public static final Comparator<String> ASCENDING = Versions::compare;

    private Versions() {
    }

    public static Semver parse(String version) {
        Semver parsed = version == null ? null : Semver.parse(version.trim());
        if (parsed == null) {
            throw new CatalogException(CatalogErrorCode.INVALID_VERSION, "invalid semantic version '" + version + "'",
                    String.valueOf(version));
        }
        return parsed;
    }

    public static boolean isValid(String version) {
        return version != null && Semver.parse(version.trim()) != null;
    }

    public static int compare(String a, String b) {
        Semver left = parse(a);
        Semver right = parse(b);
        int bySemver = left.compareTo(right);
        return bySemver != 0 ? bySemver : compareBuild(left.getBuild(), right.getBuild());
    }

    private static int compareBuild(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            int result;
            if (x.chars().allMatch(Character::isDigit) && y.chars().allMatch(Character::isDigit)) {
                result = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
            } else {
                result = x.compareTo(y);
            }
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** A copy newest first. */
    public static List<String> newestFirst(Collection<String> versions) {
        return newestFirst(versions, v -> v);
    }

    /** A copy of {@code items} newest first by the version each carries; parses every version once. */
    public static <T> List<T> newestFirst(Collection<T> items, java.util.function.Function<T, String> version) {
        List<Keyed<T>> keyed = new ArrayList<>(items.size());
        for (T item : items) {
            keyed.add(new Keyed<>(parse(version.apply(item)), item));
        }
        keyed.sort((x, y) -> {
            int bySemver = y.key().compareTo(x.key());
            return bySemver != 0 ? bySemver : compareBuild(y.key().getBuild(), x.key().getBuild());
        });
        List<T> result = new ArrayList<>(keyed.size());
        keyed.forEach(k -> result.add(k.item()));
        return result;
    }

    private record Keyed<T>(Semver key, T item) {
    }

    /**
     * A release without pre-release tag ({@code 0.x} counts as stable: many packages never reach
     * 1.0). Expects a version already checked with {@link #isValid}.
     */
    public static boolean isStable(String version) {
        // For a valid version a hyphen before the build part can only start a pre-release; this
        // string test spares a regex parse per version when thousands are listed.
        String trimmed = version.trim();
        int plus = trimmed.indexOf('+');
        String core = plus < 0 ? trimmed : trimmed.substring(0, plus);
        return core.indexOf('-') < 0;
    }

    public static Optional<String> latestStable(Collection<String> versions) {
        return versions.stream().filter(Versions::isStable).max(ASCENDING);
    }

    /** Latest stable, else latest of any kind. */
    public static Optional<String> latest(Collection<String> versions) {
        Optional<String> stable = latestStable(versions);
        return stable.isPresent() ? stable : versions.stream().max(ASCENDING);
    }

    public static UpgradeCandidates upgradeCandidates(Collection<String> versions, String installed) {
        Semver current = parse(installed);
        List<String> newer = versions.stream().filter(Versions::isStable).filter(v -> compare(v, installed) > 0).toList();
        Optional<String> latest = newer.stream().max(ASCENDING);
        Optional<String> sameMajor = newer.stream().filter(v -> parse(v).getMajor() == current.getMajor())
                .max(ASCENDING);
        return new UpgradeCandidates(latest, sameMajor);
    }

    /** A parsed range; empty text and {@code *} accept every version. */
    public static RangesList range(String range) {
        String text = range == null ? "" : range.trim();
        RangesList parsed;
        try {
            parsed = RangesListFactory.create(text.isEmpty() ? "*" : text);
        } catch (RuntimeException e) {
            throw new CatalogException(CatalogErrorCode.INVALID_RANGE, "invalid version range '" + text + "'", e, text);
        }
        if (parsed.get().isEmpty()) {
            throw new CatalogException(CatalogErrorCode.INVALID_RANGE, "invalid version range '" + text + "'", text);
        }
        return parsed;
    }

    public static boolean satisfies(String version, String range) {
        return parse(version).satisfies(range(range));
    }

    /** The newest version within {@code range}, stable preferred. */
    public static Optional<String> bestMatch(Collection<String> versions, String range) {
        RangesList parsed = range(range);
        List<String> matching = versions.stream().filter(v -> parse(v).satisfies(parsed)).toList();
        return latest(matching);
    }
}
