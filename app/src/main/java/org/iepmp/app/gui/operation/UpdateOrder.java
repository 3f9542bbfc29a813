package org.iepmp.app.gui.operation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.Dependency;
import org.iepmp.lifecycle.api.UpdateInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts updates in dependency order: a package before the packages whose target version depends on
 * it; otherwise the given order. Slow (catalog reads): call in the background.
 */
final class UpdateOrder {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateOrder.class);

    private final Catalog catalog;

    UpdateOrder(Catalog catalog) {
        this.catalog = catalog;
    }

    List<UpdateInfo> order(List<UpdateInfo> updates) {
        List<UpdateInfo> ordered = new ArrayList<>();
        Set<UpdateInfo> visiting = new LinkedHashSet<>();
        for (UpdateInfo update : updates) {
            visit(update, updates, ordered, visiting);
        }
        return ordered;
    }

    private void visit(UpdateInfo update, List<UpdateInfo> all, List<UpdateInfo> ordered, Set<UpdateInfo> visiting) {
        if (ordered.contains(update) || !visiting.add(update)) {
            // Done already, or a cycle (the catalog rejects those; the given order stands).
            return;
        }
        for (String needed : dependenciesOf(update)) {
            all.stream().filter(other -> other != update && other.packageName().equals(needed))
                    .forEach(other -> visit(other, all, ordered, visiting));
        }
        visiting.remove(update);
        ordered.add(update);
    }

    private List<String> dependenciesOf(UpdateInfo update) {
        try {
            Optional<String> version = update.latest();
            return catalog.resolve(update.repository(), update.packageName(), version).dependencies().stream()
                    .map(Dependency::name).toList();
        } catch (RuntimeException e) {
            LOG.info("Dependencies of {} unknown, kept in the given order: {}", update.packageName(), e.getMessage());
            return List.of();
        }
    }
}
