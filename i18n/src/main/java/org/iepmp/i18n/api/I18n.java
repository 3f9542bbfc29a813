package org.iepmp.i18n.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Entry point of the module: the bundle families and a {@link Messages} per language. */
public interface I18n {

    /**
     * Bundle families, one properties file per feature (and per language), so that
     * work on one feature never edits another feature's bundle.
     */
    List<String> FAMILIES = List.of(
            "common", "shell", "cluster", "catalog", "kube", "lifecycle", "app", "wizard", "cli", "support", "installer",
            "ops", "updates");

    Messages messages(Language language);

    /** Every key with its raw pattern, per language (for tooling and the consistency tests). */
    Map<String, String> rawPatterns(Language language);

    /** Keys defined in the English base bundles. */
    Set<String> keys();

    static I18n load() {
        return org.iepmp.i18n.internal.BundleLoader.loadAll();
    }
}
