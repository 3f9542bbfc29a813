package org.iepmp.app.engine;

import java.util.Optional;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseInfo;

/**
 * One release on the cluster as the Installed view and {@code iepmp list} show it.
 *
 * @param health empty when it could not be read (the release still shows)
 * @param update the newest version the catalog offers, as the engine's update check decides it
 * @param pkg the catalog package of the same name; empty for a chart no repository offers
 */
public record InstalledRelease(ReleaseInfo release, Optional<ReleaseHealth> health, Optional<String> update,
                               Optional<CatalogPackage> pkg) {
}
