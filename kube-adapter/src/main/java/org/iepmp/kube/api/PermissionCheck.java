package org.iepmp.kube.api;

/** The API server's answer to a {@link PermissionRequest} (SelfSubjectAccessReview), with its reason when it gave one. */
public record PermissionCheck(PermissionRequest request, boolean allowed, String reason) {

    public PermissionCheck {
        reason = reason == null ? "" : reason;
    }
}
