package org.iepmp.practice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Label selectors ({@code a=b, c!=d, e in (f,g), h notin (i), j, !k}) and field selectors ({@code metadata.name=x,
 * status.phase!=Running}, any dotted path) as the API server parses them.
 */
final class Selectors {

    private Selectors() {
    }

    static Predicate<JsonNode> labels(String selector) {
        if (selector == null || selector.isBlank()) {
            return o -> true;
        }
        List<Predicate<JsonNode>> terms = new ArrayList<>();
        for (String term : splitTopLevel(selector)) {
            terms.add(labelTerm(term.trim()));
        }
        return o -> terms.stream().allMatch(t -> t.test(o.path("metadata").path("labels")));
    }

    static Predicate<JsonNode> fields(String selector) {
        if (selector == null || selector.isBlank()) {
            return o -> true;
        }
        List<Predicate<JsonNode>> terms = new ArrayList<>();
        for (String term : selector.split(",")) {
            String t = term.trim();
            boolean negate = t.contains("!=");
            String[] kv = negate ? t.split("!=", 2) : t.split("==?", 2);
            if (kv.length != 2) {
                throw ApiError.badRequest("invalid selector: '" + selector + "'; can't understand '" + t + "'");
            }
            String path = kv[0].trim();
            String value = kv[1].trim();
            terms.add(o -> negate != value.equals(fieldValue(o, path)));
        }
        return o -> terms.stream().allMatch(t -> t.test(o));
    }

    private static String fieldValue(JsonNode o, String path) {
        JsonNode n = o;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        if (n.isMissingNode() || n.isNull()) {
            // metadata.namespace of a cluster-scoped object and unset fields compare as the empty string.
            return "";
        }
        return n.asText();
    }

    private static List<String> splitTopLevel(String selector) {
        List<String> result = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : selector.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                result.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            result.add(current.toString());
        }
        return result;
    }

    private static Predicate<JsonNode> labelTerm(String term) {
        java.util.regex.Matcher set = java.util.regex.Pattern.compile("^(\\S+)\\s+(in|notin)\\s*\\((.*)\\)$")
                .matcher(term);
        if (set.matches()) {
            String key = set.group(1);
            boolean in = set.group(2).equals("in");
            Set<String> values = Set.copyOf(List.of(set.group(3).split("\\s*,\\s*")).stream()
                    .map(String::trim).toList());
            return labels -> {
                JsonNode v = labels.get(key);
                return in ? v != null && values.contains(v.asText()) : v == null || !values.contains(v.asText());
            };
        }
        if (term.contains("!=")) {
            String[] kv = term.split("!=", 2);
            return labels -> {
                JsonNode v = labels.get(kv[0].trim());
                return v == null || !v.asText().equals(kv[1].trim());
            };
        }
        if (term.contains("=")) {
            String[] kv = term.split("==?", 2);
            return labels -> {
                JsonNode v = labels.get(kv[0].trim());
                return v != null && v.asText().equals(kv[1].trim());
            };
        }
        if (term.startsWith("!")) {
            String key = term.substring(1).trim();
            return labels -> !labels.has(key);
        }
        if (term.matches("[A-Za-z0-9./_-]+")) {
            return labels -> labels.has(term);
        }
        throw ApiError.badRequest("unable to parse requirement: " + term);
    }

    /** Does a LabelSelector object ({@code matchLabels}, {@code matchExpressions}) select these labels? */
    static boolean matches(JsonNode labelSelector, JsonNode labels) {
        if (labelSelector == null || labelSelector.isMissingNode() || labelSelector.isNull()) {
            return false;
        }
        var fields = labelSelector.path("matchLabels").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expr : labelSelector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            List<String> values = new ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            JsonNode v = labels.get(key);
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> v != null && values.contains(v.asText());
                case "NotIn" -> v == null || !values.contains(v.asText());
                case "Exists" -> v != null;
                case "DoesNotExist" -> v == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
