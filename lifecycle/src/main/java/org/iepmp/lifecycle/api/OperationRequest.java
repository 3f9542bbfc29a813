package org.iepmp.lifecycle.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the user asks for. {@code version} is the target version (null for uninstall, and for
 * rollback where {@code rollbackToStepId} names the recorded step to return to); {@code values}
 * are the user's raw chart values ({@code --set}, values files, the advanced editor), laid over what
 * the package's value definitions produced; {@code settings} are the values of the package's value
 * definitions by name (a definition not named gets its default, as Glasskube does). {@code releaseName} defaults to the
 * package name. {@code acceptWarnings}: the user has seen the preflight warnings and goes ahead
 * anyway (failures always block). {@code repository} is the catalog repository the technician chose the
 * package from; {@code null} means the first configured repository that offers the package (the same name may be
 * offered by several repositories, in different versions).
 */
public record OperationRequest(
        OperationAction action,
        String packageName,
        String version,
        String releaseName,
        String namespace,
        Map<String, Object> values,
        Long rollbackToStepId,
        Actor actor,
        Reason reason,
        boolean acceptWarnings,
        String repository,
        Map<String, SettingValue> settings) {

    public OperationRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(actor, "actor");
        releaseName = releaseName == null || releaseName.isBlank() ? packageName : releaseName;
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        reason = reason == null ? Reason.NONE : reason;
        repository = repository == null || repository.isBlank() ? null : repository;
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        if (action == OperationAction.ROLLBACK && rollbackToStepId == null) {
            throw new IllegalArgumentException("A rollback names the recorded step to return to");
        }
        if ((action == OperationAction.INSTALL || action == OperationAction.UPGRADE) && version == null) {
            throw new IllegalArgumentException(action + " needs a target version");
        }
    }

    /** A request without values for the package's value definitions (their defaults apply). */
    public OperationRequest(OperationAction action, String packageName, String version, String releaseName, String namespace,
            Map<String, Object> values, Long rollbackToStepId, Actor actor, Reason reason, boolean acceptWarnings,
            String repository) {
        this(action, packageName, version, releaseName, namespace, values, rollbackToStepId, actor, reason, acceptWarnings,
                repository, Map.of());
    }

    /** A request for the package of the first repository that offers it. */
    public OperationRequest(OperationAction action, String packageName, String version, String releaseName, String namespace,
            Map<String, Object> values, Long rollbackToStepId, Actor actor, Reason reason, boolean acceptWarnings) {
        this(action, packageName, version, releaseName, namespace, values, rollbackToStepId, actor, reason, acceptWarnings, null);
    }

    /** A request that does not (yet) accept preflight warnings. */
    public OperationRequest(OperationAction action, String packageName, String version, String releaseName, String namespace,
            Map<String, Object> values, Long rollbackToStepId, Actor actor, Reason reason) {
        this(action, packageName, version, releaseName, namespace, values, rollbackToStepId, actor, reason, false);
    }

    public OperationRequest withAcceptWarnings(boolean accept) {
        return new OperationRequest(action, packageName, version, releaseName, namespace, values, rollbackToStepId, actor, reason,
                accept, repository, settings);
    }

    /** The same request for the package as the named repository offers it ({@code null}: the first that has it). */
    public OperationRequest withRepository(String chosen) {
        return new OperationRequest(action, packageName, version, releaseName, namespace, values, rollbackToStepId, actor, reason,
                acceptWarnings, chosen, settings);
    }

    /** The same request with these values for the package's value definitions, by definition name. */
    public OperationRequest withSettings(Map<String, SettingValue> chosen) {
        return new OperationRequest(action, packageName, version, releaseName, namespace, values, rollbackToStepId, actor, reason,
                acceptWarnings, repository, chosen);
    }
}
