package org.iepmp.lifecycle.history;

import java.util.ArrayList;
import java.util.List;
import org.iepmp.lifecycle.api.RecordedValues;
import org.iepmp.lifecycle.secret.SecretSealer;
import org.iepmp.lifecycle.values.MaskedValues;
import org.iepmp.lifecycle.values.SecretMasker;
import org.iepmp.lifecycle.values.ValuePaths;

/** What a history row keeps of an operation's values: secrets masked in the readable copy, sealed for a rollback. */
final class ValueSealing {

    private final SecretMasker masker;
    private final SecretSealer sealer;
    private final HistoryRows rows;

    ValueSealing(SecretMasker masker, SecretSealer sealer, HistoryRows rows) {
        this.masker = masker;
        this.sealer = sealer;
        this.rows = rows;
    }

    Sealed seal(RecordedValues values) {
        MaskedValues masked = masker.mask(values.values(), values.secretPaths());
        String sealed = masked.secrets().isEmpty() ? null : sealer.seal(rows.toJson(masked.secrets()));
        List<String> plain = new ArrayList<>();
        for (Object secret : ValuePaths.flatten(masked.secrets()).values()) {
            if (secret != null) {
                plain.add(String.valueOf(secret));
            }
        }
        return new Sealed(rows.toJson(masked.masked()), sealed, plain);
    }

    /** Values with secrets masked, the secrets sealed, and the plain secrets to keep out of log lines. */
    record Sealed(String maskedJson, String sealed, List<String> plainSecrets) {
    }
}
