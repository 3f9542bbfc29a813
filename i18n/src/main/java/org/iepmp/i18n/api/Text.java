package org.iepmp.i18n.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A message not yet rendered: the key and its parameters, so it can be shown in whichever language is active. */
public record Text(String key, List<Object> args) {

    public Text {
        Objects.requireNonNull(key, "key");
        // Parameters may legitimately be null (an unknown version, say), so no List.copyOf.
        args = Collections.unmodifiableList(new ArrayList<>(args == null ? List.of() : args));
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }
}
