package org.iepmp.app.gui.operation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.ValueDefinition;

/**
 * What the update wizard offers for one installed release: the installed version, the repository's
 * origin, the versions to choose from (newest first, older ones included: a downgrade is a choice
 * too), the release's current values (carried over to the new version), and where the value
 * definitions of a chosen version come from.
 *
 * @param origin the origin of the repository offering the package, or {@code null} when unknown
 */
public record UpgradeOffer(String installedVersion, Origin origin, List<UpgradeChoice> choices, Map<String, Object> currentValues,
                           FormSource forms) {

    /** The value definitions of one version (slow: catalog and maybe network; called in the background). */
    @FunctionalInterface
    public interface FormSource {
        List<ValueDefinition> definitions(String version) throws Exception;

        /** Whether the definitions of {@code version} are the package's own settings (else a chart's values schema). */
        default boolean packageSettings(String version) throws Exception {
            return false;
        }
    }

    public UpgradeOffer {
        Objects.requireNonNull(installedVersion, "installedVersion");
        choices = List.copyOf(choices);
        currentValues = currentValues == null ? Map.of() : currentValues;
        Objects.requireNonNull(forms, "forms");
    }
}
