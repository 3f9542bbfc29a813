package org.iepmp.lifecycle.settings;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.ResolvedVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which definitions get their default: all on an install; on an upgrade or a change of settings
 * only those new in the target version (the others keep what the installed values carry, as
 * Glasskube keeps a package's configured values). Unknown installed version (not in the catalog any
 * more): none.
 */
public final class DefaultsPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultsPolicy.class);

    private DefaultsPolicy() {
    }

    public static Predicate<String> of(Catalog catalog, ResolvedVersion target, boolean installed, String installedVersion) {
        if (!installed) {
            return name -> true;
        }
        if (Objects.equals(installedVersion, target.version())) {
            return name -> false;
        }
        try {
            Set<String> known = new LinkedHashSet<>();
            catalog.resolve(Optional.ofNullable(target.repository()), target.name(), Optional.of(installedVersion)).valueDefinitions()
                    .forEach(d -> known.add(d.name()));
            return name -> !known.contains(name);
        } catch (RuntimeException e) {
            LOG.info("Definitions of installed {} {} unknown ({}); no defaults applied", target.name(), installedVersion, e.getMessage());
            return name -> false;
        }
    }
}
