package org.iepmp.lifecycle.settings;

import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.lifecycle.api.SettingMapping;

/** One target of one definition with the value it gets, and how the plan and errors name the target. */
record PlannedTarget(String packageName, ResolvedSetting setting, ValueTarget target) {

    /** {@code chart /ui/message} or {@code apps/v1 Deployment ns/name /spec/replicas}: for errors and logs. */
    String describe() {
        if (target.kind() == ValueTarget.Kind.CHART_VALUE) {
            return "chart " + target.chartName() + " " + target.path();
        }
        return resource() + " " + target.path();
    }

    /** {@code Kind/name}, or {@code Kind/namespace/name} when the target names a namespace. */
    String resource() {
        String namespace = target.resourceNamespace() == null || target.resourceNamespace().isEmpty() ? ""
                : target.resourceNamespace() + "/";
        return target.resourceKind() + "/" + namespace + target.resourceName();
    }

    SettingMapping.Target mappingTarget() {
        if (target.kind() == ValueTarget.Kind.CHART_VALUE) {
            return new SettingMapping.Target(target.chartName(), null, JsonPointers.dotted(target.path()));
        }
        return new SettingMapping.Target(null, resource(), target.path());
    }
}
