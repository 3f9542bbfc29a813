package org.iepmp.app.gui.operation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.StepRecord;

/**
 * What one operation flow is about, prepared before its dialog opens.
 *
 * @param action what the technician asked for (INSTALL, CONFIGURE, ROLLBACK, UNINSTALL, UPGRADE)
 * @param packageName the package (Glasskube package or chart name)
 * @param version the target version (install, upgrade), else {@code null}
 * @param releaseName the release it becomes or is
 * @param namespace where it is (or is proposed to go)
 * @param form the values form when the flow asks for values, else empty
 * @param rollbackChoices recorded revisions to choose from (roll back from Installed), newest first; empty otherwise
 * @param rollbackToStepId the revision to return to when it is fixed already (roll back from History)
 * @param notice a warning to show before the plan (e.g. installed packages that need this one), or {@code null}
 * @param upgrade for the update wizard: the versions to choose from and the current values, else {@code null}
 * @param repository the catalog repository the technician chose the package from, or {@code null} for the first that has it
 */
public record OperationSpec(
        OperationAction action,
        String packageName,
        String version,
        String releaseName,
        String namespace,
        Optional<ValuesFormModel> form,
        List<StepRecord> rollbackChoices,
        Long rollbackToStepId,
        FieldProblem notice,
        UpgradeOffer upgrade,
        String repository) {

    public OperationSpec {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(namespace, "namespace");
        form = form == null ? Optional.empty() : form;
        rollbackChoices = List.copyOf(rollbackChoices);
        releaseName = releaseName == null || releaseName.isBlank() ? packageName : releaseName;
    }

    /** A flow for the package of the first repository that offers it. */
    public OperationSpec(OperationAction action, String packageName, String version, String releaseName, String namespace,
            Optional<ValuesFormModel> form, List<StepRecord> rollbackChoices, Long rollbackToStepId, FieldProblem notice,
            UpgradeOffer upgrade) {
        this(action, packageName, version, releaseName, namespace, form, rollbackChoices, rollbackToStepId, notice, upgrade, null);
    }

    /** The same flow for the package as the named repository offers it (the catalog row the technician chose). */
    public OperationSpec withRepository(String chosen) {
        return new OperationSpec(action, packageName, version, releaseName, namespace, form, rollbackChoices, rollbackToStepId,
                notice, upgrade, chosen);
    }

    public static OperationSpec install(String packageName, String version, ValuesFormModel form) {
        return new OperationSpec(OperationAction.INSTALL, packageName, version, packageName, form.namespaceProperty().get(),
                Optional.of(form), List.of(), null, null, null);
    }

    public static OperationSpec configure(String packageName, String releaseName, String namespace, ValuesFormModel form) {
        return new OperationSpec(OperationAction.CONFIGURE, packageName, null, releaseName, namespace, Optional.of(form), List.of(),
                null, null, null);
    }

    public static OperationSpec rollback(String packageName, String releaseName, String namespace, List<StepRecord> choices) {
        return new OperationSpec(OperationAction.ROLLBACK, packageName, null, releaseName, namespace, Optional.empty(), choices,
                null, null, null);
    }

    public static OperationSpec rollbackTo(StepRecord target) {
        return new OperationSpec(OperationAction.ROLLBACK, target.packageName(), target.toVersion(), target.releaseName(),
                target.namespace(), Optional.empty(), List.of(), target.id(), null, null);
    }

    public static OperationSpec uninstall(String packageName, String releaseName, String namespace, FieldProblem notice) {
        return new OperationSpec(OperationAction.UNINSTALL, packageName, null, releaseName, namespace, Optional.empty(), List.of(),
                null, notice, null);
    }

    public static OperationSpec repair(String packageName, String releaseName, String namespace) {
        return new OperationSpec(OperationAction.REPAIR, packageName, null, releaseName, namespace, Optional.empty(), List.of(),
                null, null, null);
    }

    /** The update wizard for an installed release: choose the version (any, older ones too), then the usual pages. */
    public static OperationSpec upgrade(String packageName, String releaseName, String namespace, UpgradeOffer offer) {
        String proposed = offer.choices().stream().filter(UpgradeChoice::recommended).map(UpgradeChoice::version).findFirst()
                .orElse(null);
        return new OperationSpec(OperationAction.UPGRADE, packageName, proposed, releaseName, namespace, Optional.empty(), List.of(),
                null, null, offer);
    }
}
