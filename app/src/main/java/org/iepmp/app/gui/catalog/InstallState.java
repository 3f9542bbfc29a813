package org.iepmp.app.gui.catalog;

import java.util.Optional;

/**
 * What the cluster has of one package, as the engine's update check says it (the same answer the Installed and
 * Updates views show).
 *
 * @param installedVersion the package version the engine installed ({@code v1.0.0+1}), else the chart version
 * @param update the newer version the engine's check found, empty when none (chart {@code 1.0.0} of package
 *     {@code v1.0.0+1} is the same version, not an update)
 * @param comparedRepository the repository the check compared with; the update belongs to that catalog row
 */
public record InstallState(String installedVersion, Optional<String> update, Optional<String> comparedRepository) {

    public InstallState {
        update = update == null ? Optional.empty() : update;
        comparedRepository = comparedRepository == null ? Optional.empty() : comparedRepository;
    }

    /** Whether the row of {@code repository} offers this update. */
    public boolean updateFrom(String repository) {
        return update.isPresent() && comparedRepository.map(repository::equals).orElse(true);
    }
}
