package org.iepmp.lifecycle.settings;

import org.iepmp.lifecycle.api.SettingMapping;

/**
 * The value a definition gets in one operation: its text (what Glasskube passes to the templates
 * and patches), where it came from, how the plan shows it, and whether it is a secret (a secret
 * definition, or a value read from a Secret).
 */
public record ResolvedSetting(String name, String value, SettingMapping.Source source, String display, boolean secret) {

    /** The text a plan, a log or an error may show. */
    public String shown() {
        return secret ? SettingMapping.MASK : display;
    }
}
