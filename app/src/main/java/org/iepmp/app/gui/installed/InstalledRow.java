package org.iepmp.app.gui.installed;

import java.util.Optional;
import org.iepmp.catalog.api.Origin;
import org.iepmp.kube.api.ReleaseHealth;
import org.iepmp.kube.api.ReleaseInfo;

/**
 * One installed release as the technician sees it: what Helm says, how healthy it is, whether the
 * catalog offers a newer version, and who publishes it (empty when no repository knows it — an
 * outside install).
 */
public record InstalledRow(ReleaseInfo release, Optional<ReleaseHealth> health, Optional<String> updateTo,
                           Optional<Origin> origin) {
}
