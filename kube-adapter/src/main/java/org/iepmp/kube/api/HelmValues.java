package org.iepmp.kube.api;

import java.util.Map;
import java.util.Objects;

/**
 * The values of a release, either as the YAML text a user or the history stored, or as a tree of
 * maps, lists and scalars. Helm receives them as a values file, so nested keys, lists and strings
 * with commas or dots keep their meaning (unlike {@code --set}).
 */
public sealed interface HelmValues permits HelmValues.Yaml, HelmValues.Tree {

    HelmValues NONE = new Tree(Map.of());

    static HelmValues yaml(String text) {
        return new Yaml(text);
    }

    static HelmValues tree(Map<String, ?> values) {
        return new Tree(values);
    }

    /** YAML text; an empty text means "no values". */
    record Yaml(String text) implements HelmValues {
        public Yaml {
            text = text == null ? "" : text;
        }
    }

    /**
     * A tree of {@code Map<String, ?>}, {@code List<?>} and scalars. A {@link Long} leaf is a whole number Helm types
     * as int64, as its {@code --set} does; every other number reaches Helm as a values file gives it (float64).
     */
    record Tree(Map<String, ?> values) implements HelmValues {
        public Tree {
            Objects.requireNonNull(values, "values");
        }
    }
}
