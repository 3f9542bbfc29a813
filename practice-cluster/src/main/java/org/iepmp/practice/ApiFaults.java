package org.iepmp.practice;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.iepmp.practice.api.ApiFault;

/** The faults scripted on a running practice cluster, each consumed as matching requests arrive. */
final class ApiFaults {

    private final List<ApiFault> pending = new ArrayList<>();
    private final List<Integer> remaining = new ArrayList<>();

    synchronized void add(ApiFault fault) {
        pending.add(fault);
        remaining.add(fault.times());
    }

    synchronized void clear() {
        pending.clear();
        remaining.clear();
    }

    /** The fault to apply to this request, if any, using up one of its times. */
    synchronized Optional<ApiFault> take(String method, String path) {
        Iterator<ApiFault> faults = pending.iterator();
        int i = 0;
        while (faults.hasNext()) {
            ApiFault fault = faults.next();
            if (fault.matches(method, path)) {
                int left = remaining.get(i) - 1;
                if (left <= 0) {
                    faults.remove();
                    remaining.remove(i);
                } else {
                    remaining.set(i, left);
                }
                return Optional.of(fault);
            }
            i++;
        }
        return Optional.empty();
    }
}
