package org.iepmp.practice;

import java.util.List;

/**
 * One REST resource the practice API server serves, described the way discovery documents describe it.
 *
 * @param group API group, empty for the core group
 * @param version served (and storage) version
 * @param plural REST resource name, e.g. {@code deployments}
 * @param singular singular name, e.g. {@code deployment}
 * @param kind object kind, e.g. {@code Deployment}
 * @param namespaced whether objects live in a namespace
 * @param shortNames kubectl short names
 * @param subresources served subresources (e.g. {@code status}, {@code log})
 */
record ResourceType(String group, String version, String plural, String singular, String kind, boolean namespaced,
        List<String> shortNames, List<String> subresources) {

    static final List<String> ALL_VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
            "update", "watch");

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    String listKind() {
        return kind + "List";
    }

    /** Storage key: group and resource, independent of the version, as in etcd. */
    String storageKey() {
        return group + "/" + plural;
    }

    /** Review resources (SelfSubjectAccessReview and friends) are create-only and never stored. */
    boolean createOnly() {
        return kind.endsWith("Review");
    }

    List<String> verbs() {
        return createOnly() ? List.of("create") : ALL_VERBS;
    }
}
