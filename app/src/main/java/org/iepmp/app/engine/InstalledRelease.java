package org.iepmp.app.engine;

import java.util.Optional;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.lifecycle.api.PackageKind;
import org.iepmp.lifecycle.api.UpdateInfo;

/**
 * One release on the cluster as the Installed view and {@code iepmp list} show it.
 *
 * @param health empty when it could not be read (the release still shows)
 * @param update the newest version the catalog offers, as the engine's update check decides it
 * @param pkg the catalog package of the same name; empty for a chart no repository offers
 * @param check the engine's update check of this release: which package and package version it installed (a
 *     Glasskube package {@code v1.0.0+1} installs chart {@code 1.0.0}) and the repository it compared with; empty
 *     when the check failed
 * @param kind a Helm release, or a plain-manifest package (no Helm revisions, no {@code helm} view of it)
 */
public record InstalledRelease(ReleaseInfo release, Optional<ReleaseHealth> health, Optional<String> update,
                               Optional<CatalogPackage> pkg, Optional<UpdateInfo> check, PackageKind kind) {

    public InstalledRelease {
        check = check == null ? Optional.empty() : check;
        kind = kind == null ? PackageKind.HELM_RELEASE : kind;
    }

    public InstalledRelease(ReleaseInfo release, Optional<ReleaseHealth> health, Optional<String> update,
            Optional<CatalogPackage> pkg, Optional<UpdateInfo> check) {
        this(release, health, update, pkg, check, PackageKind.HELM_RELEASE);
    }

    public InstalledRelease(ReleaseInfo release, Optional<ReleaseHealth> health, Optional<String> update,
            Optional<CatalogPackage> pkg) {
        this(release, health, update, pkg, Optional.empty());
    }

    /** The installed package's name: the engine's when it checked the release, else the chart's. */
    public String packageName() {
        return check.map(UpdateInfo::packageName).orElse(release.chartName());
    }

    /** The installed package version: the engine's when it checked the release, else the chart version. */
    public String packageVersion() {
        return check.map(UpdateInfo::installedVersion).orElse(release.chartVersion());
    }
}
