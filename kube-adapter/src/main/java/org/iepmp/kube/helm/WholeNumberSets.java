package org.iepmp.kube.helm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iepmp.kube.api.HelmValues;

/**
 * The whole numbers of a values tree that Helm must see as int64, as its {@code --set} types them. A values file
 * gives Helm float64 only (a million renders as {@code 1e+06}), so these leaves are handed over again through the
 * SDK's own {@code --set} (Helm's strvals), after the values file, with their path written in strvals syntax.
 */
final class WholeNumberSets {

    private static final String STRVALS_SPECIALS = "\\.[]=,";

    private WholeNumberSets() {
    }

    /** strvals path to value, for every {@link Long} leaf (the contract of {@link HelmValues.Tree}). */
    static Map<String, Long> of(HelmValues values) {
        Map<String, Long> sets = new LinkedHashMap<>();
        if (values instanceof HelmValues.Tree tree) {
            walk(tree.values(), "", sets);
        }
        return sets;
    }

    private static void walk(Object node, String path, Map<String, Long> sets) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                String name = escaped(String.valueOf(key));
                walk(child, path.isEmpty() ? name : path + "." + name, sets);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", sets);
            }
        } else if (node instanceof Long number && !path.isEmpty()) {
            sets.put(path, number);
        }
    }

    private static String escaped(String key) {
        StringBuilder text = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            if (STRVALS_SPECIALS.indexOf(c) >= 0) {
                text.append('\\');
            }
            text.append(c);
        }
        return text.toString();
    }
}
