package org.iepmp.lifecycle.api;

import java.time.Instant;
import java.util.Set;

/**
 * Which operations a history view or export shows. Every field is optional (null or empty
 * means "any"): {@code from} inclusive, {@code to} exclusive; {@code text} searches package,
 * release, reason, ticket, technician, user, versions and error text (case-insensitive, substring).
 */
public record HistoryFilter(
        String clusterId,
        String packageName,
        Instant from,
        Instant to,
        Set<OperationOutcome> outcomes,
        Set<OperationAction> actions,
        String text) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, null, Set.of(), Set.of(), null);

    public HistoryFilter {
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
        actions = actions == null ? Set.of() : Set.copyOf(actions);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public HistoryFilter withCluster(String cluster) {
        return new HistoryFilter(cluster, packageName, from, to, outcomes, actions, text);
    }

    public HistoryFilter withPackage(String name) {
        return new HistoryFilter(clusterId, name, from, to, outcomes, actions, text);
    }

    public HistoryFilter withText(String search) {
        return new HistoryFilter(clusterId, packageName, from, to, outcomes, actions, search);
    }

    public HistoryFilter withOutcomes(Set<OperationOutcome> wanted) {
        return new HistoryFilter(clusterId, packageName, from, to, wanted, actions, text);
    }

    public HistoryFilter between(Instant fromInclusive, Instant toExclusive) {
        return new HistoryFilter(clusterId, packageName, fromInclusive, toExclusive, outcomes, actions, text);
    }
}
