package org.iepmp.app.gui.operation;

import java.util.List;
import java.util.Objects;

/** What is wrong with an input, as a bundle key and its parameters; the view renders it in the user's language. */
public record FieldProblem(String key, List<Object> params) {

    public FieldProblem {
        Objects.requireNonNull(key, "key");
        params = List.copyOf(params);
    }

    public static FieldProblem of(String key, Object... params) {
        return new FieldProblem(key, List.of(params));
    }
}
