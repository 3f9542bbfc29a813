package org.iepmp.lifecycle.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.kube.api.ManifestPackage;
import org.iepmp.kube.api.ObjectRef;
import org.iepmp.lifecycle.api.ChangeKind;
import org.iepmp.lifecycle.api.ManifestDiff;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.ResourceChange;
import org.iepmp.lifecycle.api.ResourceRef;
import org.iepmp.lifecycle.api.ValuesDiff;
import org.iepmp.lifecycle.diff.ManifestDiffer;
import org.iepmp.lifecycle.values.SecretMasker;
import org.iepmp.lifecycle.values.ValuesDiffer;

/** The values and rendered-manifest diffs a plan shows for a step, secrets masked. */
final class StepDiffs {

    private final Catalog catalog;
    private final SecretMasker masker;
    private final ValuesDiffer valuesDiffer;
    private final ManifestDiffer manifestDiffer;
    private final StepPlanner planner;

    StepDiffs(Catalog catalog, SecretMasker masker, StepPlanner planner) {
        this.catalog = catalog;
        this.masker = masker;
        this.valuesDiffer = new ValuesDiffer(masker);
        this.manifestDiffer = new ManifestDiffer(masker);
        this.planner = planner;
    }

    ValuesDiff valuesDiff(StepPlanner.Draft draft) {
        Map<String, Object> before = draft.before().installed() ? effective(draft.before().archive(), draft.before().values()) : Map.of();
        Map<String, Object> after = draft.archive() == null ? Map.of() : effective(draft.archive(), draft.values());
        Set<String> secretPaths = new LinkedHashSet<>(draft.secretPaths());
        secretPaths.addAll(draft.before().secretPaths());
        return valuesDiffer.diff(before, after, secretPaths);
    }

    /** The chart's defaults with the applied values over them: what the templates see. */
    private Map<String, Object> effective(Path archive, Map<String, Object> values) {
        if (archive == null) {
            return values;
        }
        Optional<ManifestBundle> bundle = ManifestBundle.read(archive);
        if (bundle.isPresent()) {
            return ValueTrees.merge(bundle.get().defaults(), values);
        }
        return ValueTrees.merge(ValueTrees.fromYaml(catalog.chartFiles(archive).valuesYaml()), values);
    }

    ManifestDiff manifestDiff(StepPlanner.Draft draft) {
        String before = draft.before().archive() == null ? ""
                : planner.render(draft.before().archive(), draft.release(), draft.namespace(), draft.before().values());
        String after = draft.archive() == null ? "" : planner.render(draft.archive(), draft.release(), draft.namespace(), draft.values());
        Set<String> secretPaths = new LinkedHashSet<>(draft.secretPaths());
        secretPaths.addAll(draft.before().secretPaths());
        Collection<String> secrets = new ArrayList<>(ValueTrees.secretValues(masker, draft.values(), secretPaths));
        secrets.addAll(draft.applied().secretTexts());
        secrets.addAll(ValueTrees.secretValues(masker, draft.before().values(), secretPaths));
        ManifestDiff diff = manifestDiffer.diff(before, after, secrets);
        boolean manifestKind = ManifestBundle.read(draft.archive()).isPresent() || ManifestBundle.read(draft.before().archive()).isPresent()
                || draft.action() == OperationAction.UNINSTALL && draft.before().archive() == null;
        return manifestKind ? withInventory(diff, draft) : diff;
    }

    /**
     * What the inventory on the cluster says is applied but neither side of the diff shows (an
     * interrupted apply, a version whose manifests are not known here) is pruned too: REMOVED.
     */
    private ManifestDiff withInventory(ManifestDiff diff, StepPlanner.Draft draft) {
        List<ObjectRef> inventory = planner.installedManifests(draft.release(), draft.namespace()).map(ManifestPackage::objects).orElse(List.of());
        List<ResourceChange> changes = new ArrayList<>(diff.resources());
        List<ResourceRef> planned = draft.archive() == null ? List.of() : renderedRefs(draft);
        for (ObjectRef object : inventory) {
            boolean known = changes.stream().anyMatch(c -> same(c.resource(), object, draft.namespace()));
            boolean kept = planned.stream().anyMatch(r -> same(r, object, draft.namespace()));
            if (!known && !kept) {
                changes.add(new ResourceChange(new ResourceRef(object.apiVersion(), object.kind(),
                        object.namespace().isEmpty() ? null : object.namespace(), object.name()), ChangeKind.REMOVED));
            }
        }
        return new ManifestDiff(diff.unifiedDiff(), changes);
    }

    private List<ResourceRef> renderedRefs(StepPlanner.Draft draft) {
        return manifestDiffer.diff("", planner.render(draft.archive(), draft.release(), draft.namespace(), draft.values()), List.of()).resources().stream()
                .map(ResourceChange::resource).toList();
    }

    private static boolean same(ResourceRef ref, ObjectRef object, String defaultNamespace) {
        String namespace = ref.namespace() == null ? defaultNamespace : ref.namespace();
        return ref.kind().equals(object.kind()) && ref.name().equals(object.name())
                && (object.namespace().isEmpty() || object.namespace().equals(namespace));
    }
}
