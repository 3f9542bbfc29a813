package org.iepmp.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iepmp.support.api.SupportBundle;

/**
 * Removes secrets from text bound for a support bundle: the known secret values it is given
 * (repository passwords and tokens, cluster tokens) wherever they appear, plus anything that
 * looks like a credential — key/value pairs named like passwords or tokens, bearer headers,
 * kubeconfig key and certificate data, PEM private keys and JWTs.
 */
public final class Redactor {

    public static final String REDACTED = SupportBundle.REDACTED;

    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", Pattern.DOTALL),
            Pattern.compile("(?i)(authorization\\s*[:=]\\s*(?:bearer|basic)\\s+)[^\\s\"',}]+"),
            Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}"),
            Pattern.compile("(?i)((?:client-key-data|client-certificate-data|token|password|passwd|secret|api[-_]?key"
                    + "|access[-_]?key|private[-_]?key)[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',}]+"),
            Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"));

    private final List<String> knownSecrets;

    /** @param knownSecrets exact secret values to remove wherever they appear (short ones are ignored: too many false hits) */
    public Redactor(Collection<String> knownSecrets) {
        List<String> usable = new ArrayList<>();
        for (String secret : knownSecrets) {
            if (secret != null && secret.length() >= 4) {
                usable.add(secret);
            }
        }
        // Longest first, so a secret containing another is removed whole.
        usable.sort(Comparator.comparingInt(String::length).reversed());
        this.knownSecrets = List.copyOf(usable);
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : knownSecrets) {
            result = result.replace(secret, REDACTED);
        }
        for (Pattern shape : SHAPES) {
            Matcher matcher = shape.matcher(result);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String keep = matcher.groupCount() >= 1 && matcher.group(1) != null ? matcher.group(1) : "";
                matcher.appendReplacement(out, Matcher.quoteReplacement(keep + REDACTED));
            }
            matcher.appendTail(out);
            result = out.toString();
        }
        return result;
    }
}
