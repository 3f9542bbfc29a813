package org.iepmp.lifecycle.api;

import java.util.List;
import java.util.Map;

/**
 * The use-case rules about what is installed, held once for the window and the command line. Every
 * method blocks: call it off the UI thread.
 */
public interface InstalledPackages {

    /** Every package on the cluster: Helm releases not uninstalled (any tool's) and this console's plain-manifest packages, by name. */
    List<InstalledPackage> installedPackages();

    /**
     * The installed packages with this release name, in {@code namespace} (every namespace when null). More than one only when the
     * namespace is not given and several namespaces have it.
     */
    List<InstalledPackage> installedAs(String releaseName, String namespace);

    /**
     * The values applied to the release now, secrets included (never show them): the recorded ones while the cluster still runs
     * what this console recorded, else Helm's user-supplied values; empty when not installed.
     */
    Map<String, Object> currentValues(String releaseName, String namespace);

    /**
     * What an install starts from: installing a package that is already installed under that release name changes its settings, so
     * the form and {@code --set} start from its current values, never from the chart's defaults; empty when not installed.
     */
    default Map<String, Object> installStartingValues(String releaseName, String namespace) {
        return installedAs(releaseName, namespace).isEmpty() ? Map.of() : currentValues(releaseName, namespace);
    }

    /** The namespace a package installs into when the user names none: the package's default, else its name. */
    default String defaultNamespace(String packageName, String packageDefault) {
        return packageDefault != null && !packageDefault.isBlank() ? packageDefault : packageName;
    }
}
