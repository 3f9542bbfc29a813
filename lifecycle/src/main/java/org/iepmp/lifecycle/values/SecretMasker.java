package org.iepmp.lifecycle.values;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces secret values by a mask before anything is shown, logged or stored. A value is
 * secret when its path is, or lies below, a path the package marks secret — or, as a safety
 * net for packages that mark nothing, when its key is named like a credential.
 *
 * <p>The mask carries a short keyed fingerprint ({@code ******#1a2b3c4d}): a diff and an audit
 * can tell that a password changed without revealing it. The fingerprint is an HMAC under a
 * local key, because a plain hash of a short password is easy to reverse by guessing.
 */
public final class SecretMasker {

    public static final String MASK = "******";

    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i).*(password|passwd|passphrase|secret|token|api[_-]?key|private[_-]?key|credentials?)$");

    private final byte[] fingerprintKey;

    public SecretMasker(byte[] fingerprintKey) {
        if (fingerprintKey.length < 16) {
            throw new IllegalArgumentException("Fingerprint key too short");
        }
        this.fingerprintKey = fingerprintKey.clone();
    }

    public boolean isSecret(String path, Set<String> secretPaths) {
        for (String secretPath : secretPaths) {
            if (ValuePaths.isAtOrBelow(path, secretPath)) {
                return true;
            }
        }
        String key = ValuePaths.lastKey(path);
        return !key.isEmpty() && CREDENTIAL_NAME.matcher(key).matches();
    }

    /** The mask shown instead of {@code value}. */
    public String mask(Object value) {
        return MASK + "#" + fingerprint(value);
    }

    /** A copy of the values with every secret subtree masked, and the secrets taken out (path → original subtree). */
    public MaskedValues mask(Map<String, ?> values, Set<String> secretPaths) {
        Map<String, Object> secrets = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> masked = (Map<String, Object>) maskNode("", values, secretPaths, secrets);
        return new MaskedValues(masked, secrets);
    }

    /** Puts the secrets taken out by {@link #mask(Map, Set)} back into a masked tree. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> restore(Map<String, ?> masked, Map<String, ?> secrets) {
        return (Map<String, Object>) restoreNode("", masked, secrets);
    }

    /** Replaces every occurrence of the given secret strings in free text (logs, manifests) by a mask. */
    public String redact(String text, Collection<String> secretValues) {
        String result = text;
        List<String> longestFirst = new ArrayList<>(secretValues);
        longestFirst.sort((a, b) -> Integer.compare(b.length(), a.length()));
        for (String secret : longestFirst) {
            // Very short values (a port, "true") would mask half the text and reveal nothing.
            if (secret != null && secret.length() >= 4) {
                result = result.replace(secret, mask(secret));
            }
        }
        return result;
    }

    private Object maskNode(String path, Object node, Set<String> secretPaths, Map<String, Object> secrets) {
        if (!path.isEmpty() && node != null && isSecret(path, secretPaths)) {
            secrets.put(path, node);
            return mask(node);
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                copy.put(key, maskNode(ValuePaths.child(path, key), entry.getValue(), secretPaths, secrets));
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(maskNode(ValuePaths.element(path, i), list.get(i), secretPaths, secrets));
            }
            return copy;
        }
        return node;
    }

    private static Object restoreNode(String path, Object node, Map<String, ?> secrets) {
        if (!path.isEmpty() && secrets.containsKey(path)) {
            return secrets.get(path);
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                copy.put(key, restoreNode(ValuePaths.child(path, key), entry.getValue(), secrets));
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(restoreNode(ValuePaths.element(path, i), list.get(i), secrets));
            }
            return copy;
        }
        return node;
    }

    private String fingerprint(Object value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(canonical(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            map.entrySet().stream()
                    .sorted((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())))
                    .forEach(e -> text.append(e.getKey()).append('=').append(canonical(e.getValue())).append(';'));
            return text.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            list.forEach(e -> text.append(canonical(e)).append(';'));
            return text.append(']').toString();
        }
        return String.valueOf(value);
    }
}
