package org.iepmp.app.gui.operation;

import java.util.ArrayList;
import java.util.List;
import org.iepmp.lifecycle.api.Plan;

/**
 * What the chosen version does to the cluster's resources, read from its plan (made in the
 * background while the technician is still choosing, with the current values carried over).
 *
 * @param version the version it is about
 * @param checking the plan is being made
 * @param added resources the version adds (0 while checking or when unknown)
 * @param changed resources it changes
 * @param removed the resources it removes, as "Kind/name"
 * @param known the plan was made (false while checking or when it could not be made)
 */
public record ResourcePreview(String version, boolean checking, int added, int changed, List<String> removed, boolean known) {

    static ResourcePreview checking(String version) {
        return new ResourcePreview(version, true, 0, 0, List.of(), false);
    }

    static ResourcePreview unknown(String version) {
        return new ResourcePreview(version, false, 0, 0, List.of(), false);
    }

    static ResourcePreview of(String version, Plan plan) {
        int added = 0;
        int changed = 0;
        List<String> removed = new ArrayList<>();
        for (org.iepmp.lifecycle.api.PlanStep step : plan.steps()) {
            for (org.iepmp.lifecycle.api.ResourceChange change : step.manifestDiff().resources()) {
                switch (change.kind()) {
                    case ADDED -> added++;
                    case CHANGED -> changed++;
                    case REMOVED -> removed.add(change.resource().kind() + "/" + change.resource().name());
                }
            }
        }
        return new ResourcePreview(version, false, added, changed, List.copyOf(removed), true);
    }
}
