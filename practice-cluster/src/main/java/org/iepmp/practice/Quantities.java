package org.iepmp.practice;

import java.math.BigDecimal;

/** Kubernetes resource quantities ("250m", "2", "512Mi", "1G", "131072Ki") as milli-cores and bytes. */
final class Quantities {

    private Quantities() {
    }

    static long millis(String quantity) {
        String q = quantity.trim();
        if (q.endsWith("m")) {
            return Long.parseLong(q.substring(0, q.length() - 1));
        }
        return new BigDecimal(q).multiply(BigDecimal.valueOf(1000)).longValue();
    }

    static long bytes(String quantity) {
        String q = quantity.trim();
        String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
            {"k", "1000"}, {"K", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        for (String[] s : suffixes) {
            if (q.endsWith(s[0])) {
                return new BigDecimal(q.substring(0, q.length() - s[0].length()))
                        .multiply(new BigDecimal(s[1])).longValue();
            }
        }
        return new BigDecimal(q).longValue();
    }
}
