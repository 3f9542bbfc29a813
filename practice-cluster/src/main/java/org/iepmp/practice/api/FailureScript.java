package org.iepmp.practice.api;

import java.util.List;
import java.util.Map;

/**
 * A scripted failure: pods whose container image contains {@code image}, or whose labels include
 * {@code labelKey=labelValue}, fail in the given way. {@code lastLog} are the lines a crashing container writes
 * before it exits.
 */
public record FailureScript(String image, String labelKey, String labelValue, FailureMode mode, List<String> lastLog) {

    public FailureScript {
        lastLog = lastLog == null ? List.of() : List.copyOf(lastLog);
    }

    public static FailureScript forImage(String image, FailureMode mode, String... lastLog) {
        return new FailureScript(image, null, null, mode, List.of(lastLog));
    }

    public static FailureScript forLabel(String key, String value, FailureMode mode, String... lastLog) {
        return new FailureScript(null, key, value, mode, List.of(lastLog));
    }

    public boolean matches(String containerImage, Map<String, String> podLabels) {
        if (image != null && containerImage != null && containerImage.contains(image)) {
            return true;
        }
        return labelKey != null && labelValue != null && labelValue.equals(podLabels.get(labelKey));
    }
}
