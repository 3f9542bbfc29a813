package org.iepmp.lifecycle.values;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.iepmp.lifecycle.api.ChangeKind;
import org.iepmp.lifecycle.api.ValueChange;
import org.iepmp.lifecycle.api.ValuesDiff;

/**
 * What changes between the values applied now and the values a plan would apply: every leaf
 * by dotted path, added / removed / changed, sorted by path. Secret values appear only as
 * masks, whose fingerprints still tell that a secret changed.
 */
public final class ValuesDiffer {

    private final SecretMasker masker;

    public ValuesDiffer(SecretMasker masker) {
        this.masker = masker;
    }

    public ValuesDiff diff(Map<String, ?> before, Map<String, ?> after, Set<String> secretPaths) {
        Map<String, Object> old = ValuePaths.flatten(before == null ? Map.of() : before);
        Map<String, Object> now = ValuePaths.flatten(after == null ? Map.of() : after);
        Set<String> paths = new TreeSet<>(old.keySet());
        paths.addAll(now.keySet());
        List<ValueChange> changes = new ArrayList<>();
        for (String path : paths) {
            boolean wasThere = old.containsKey(path);
            boolean isThere = now.containsKey(path);
            Object was = old.get(path);
            Object is = now.get(path);
            if (wasThere && isThere && same(was, is)) {
                continue;
            }
            boolean secret = masker.isSecret(path, secretPaths);
            ChangeKind kind = !wasThere ? ChangeKind.ADDED : !isThere ? ChangeKind.REMOVED : ChangeKind.CHANGED;
            changes.add(new ValueChange(path, kind, wasThere ? display(was, secret) : null, isThere ? display(is, secret) : null, secret));
        }
        return new ValuesDiff(changes);
    }

    private String display(Object value, boolean secret) {
        if (secret) {
            return masker.mask(value);
        }
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        return String.valueOf(value);
    }

    /** 2 from YAML and 2L from JSON are the same value; "2" (a string) is not. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }
}
