package org.iepmp.lifecycle.api;

import java.util.List;

/** What the front ends ask about the releases of the connected cluster. Every method blocks: call it off the UI thread. */
public interface ReleaseQueries {

    /** Succeeded install/upgrade/rollback/configure/repair steps of a release, newest first: what one can roll back to. */
    List<StepRecord> rollbackTargets(String releaseName, String namespace);

    /** Installed releases that need this release of {@code packageName} (by their installed version's dependencies). */
    List<String> dependentsOf(String packageName, String releaseName, String namespace);

    /** Releases left in pending-install/upgrade/rollback or uninstalling: offer a REPAIR request for each. */
    List<StuckRelease> stuckReleases();

    /** Every installed release and plain-manifest package compared with the catalog (call after a catalog refresh). */
    List<UpdateInfo> checkUpdates();
}
