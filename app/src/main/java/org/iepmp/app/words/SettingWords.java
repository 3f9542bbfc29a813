package org.iepmp.app.words;

import org.iepmp.i18n.api.Messages;
import org.iepmp.lifecycle.api.SettingMapping;

/**
 * Where one package setting lands, in words, the same in the window's plan and the command line's:
 * {@code msg = hello → chart value ui.message = "pre-hello-post"} (secrets arrive masked).
 */
public final class SettingWords {

    private SettingWords() {
    }

    public static String line(Messages messages, SettingMapping mapping) {
        String given = mapping.given() + source(messages, mapping.source());
        boolean removed = "remove".equals(mapping.op());
        SettingMapping.Target target = mapping.target();
        if (target.chartValue()) {
            return removed ? messages.get("ops.setting.chartRemoved", mapping.definition(), given, target.path())
                    : messages.get("ops.setting.chart", mapping.definition(), given, target.path(), mapping.json());
        }
        return removed ? messages.get("ops.setting.resourceRemoved", mapping.definition(), given, target.resource(), target.path())
                : messages.get("ops.setting.resource", mapping.definition(), given, target.resource(), target.path(), mapping.json());
    }

    private static String source(Messages messages, SettingMapping.Source source) {
        return switch (source) {
            case GIVEN -> "";
            case DEFAULT -> " " + messages.get("ops.setting.source.default");
            case CONFIG_MAP -> " " + messages.get("ops.setting.source.configMap");
            case SECRET -> " " + messages.get("ops.setting.source.secret");
            case PACKAGE -> " " + messages.get("ops.setting.source.package");
        };
    }
}
