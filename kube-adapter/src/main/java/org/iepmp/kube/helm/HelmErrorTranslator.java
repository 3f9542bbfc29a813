package org.iepmp.kube.helm;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;

/**
 * Turns Helm's error sentences (helm-java hands them over as plain strings) into typed errors.
 * The sentences are Helm's and client-go's own; order matters, because a message can contain
 * several of them (e.g. an install that fails "rendered manifests contain a resource that already
 * exists" mentions a name "in use").
 */
final class HelmErrorTranslator {

    private record Rule(Pattern pattern, KubeErrorCode code) {
    }

    private static final List<Rule> RULES = List.of(
            rule(KubeErrorCode.OPERATION_IN_PROGRESS,
                    "another operation \\(install/upgrade/rollback\\) is in progress",
                    "has (a )?pending[- ]"),
            rule(KubeErrorCode.CERTIFICATE_EXPIRED,
                    "x509: certificate has expired", "certificate is not yet valid"),
            rule(KubeErrorCode.CERTIFICATE_UNTRUSTED,
                    "x509: certificate signed by unknown authority", "x509: ", "tls: failed to verify"),
            rule(KubeErrorCode.UNAUTHORIZED,
                    "\\bunauthorized\\b", "provide credentials", "you must be logged in"),
            rule(KubeErrorCode.FORBIDDEN,
                    "\\bis forbidden\\b", "\\bforbidden\\b"),
            rule(KubeErrorCode.UNREACHABLE,
                    "kubernetes cluster unreachable", "connection refused", "no such host", "no route to host",
                    "network is unreachable", "dial tcp", "connection reset by peer", "\": eof$", "\": unexpected eof", "server sent goaway"),
            rule(KubeErrorCode.TIMEOUT,
                    "timed out waiting for the condition", "context deadline exceeded", "client rate limiter wait",
                    "i/o timeout", "\\btimeout\\b", "timed out"),
            rule(KubeErrorCode.ALREADY_EXISTS,
                    "cannot re-use a name that is still in use", "already exists"),
            rule(KubeErrorCode.CONFLICT,
                    "the object has been modified", "operation cannot be fulfilled", "\\bconflict\\b"),
            rule(KubeErrorCode.INVALID_CHART,
                    "yaml parse error", "error converting yaml to json", "parse error at", "template: ",
                    "chart\\.yaml file is missing", "chart metadata \\(chart\\.yaml\\) missing",
                    "validation: chart\\.metadata", "does not appear to be a gzipped archive", "gzip: invalid header",
                    "charts are not installable", "unable to build kubernetes objects from release manifest",
                    "error validating data", "unable to recognize", "no matches for kind",
                    "found in chart\\.yaml, but missing in charts/ directory", "chart requires kubeversion",
                    "values don't meet the specifications of the schema", "execution error at",
                    "failed to unmarshal", "chart illegally contains", "invalid chart", "unable to parse yaml",
                    "unexpected eof", "not a valid chart"),
            rule(KubeErrorCode.NOT_FOUND,
                    "release: not found", "has no deployed releases", "not found", "no such file or directory"));

    private HelmErrorTranslator() {
    }

    private static Rule rule(KubeErrorCode code, String... patterns) {
        return new Rule(Pattern.compile(String.join("|", patterns)), code);
    }

    /** The code for one of Helm's error sentences; {@link KubeErrorCode#INTERNAL} when none matches. */
    static KubeErrorCode codeFor(String helmMessage) {
        if (helmMessage == null || helmMessage.isBlank()) {
            return KubeErrorCode.INTERNAL;
        }
        String text = helmMessage.strip().toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(text).find()) {
                return rule.code();
            }
        }
        return KubeErrorCode.INTERNAL;
    }

    /**
     * A typed exception for a Helm error. Params follow the module's shape: {0} the server, {1}
     * Helm's own sentence (shown as the detail for invalid charts and manifests).
     */
    static KubeException translate(String operation, String helmMessage, Throwable cause, String server) {
        return translate(operation, helmMessage, cause, server, text -> text);
    }

    /** As above, with {@code hide} taking internal paths and ids out of what the user is shown. */
    static KubeException translate(String operation, String helmMessage, Throwable cause, String server,
            UnaryOperator<String> hide) {
        String detail = helmMessage == null ? "" : helmMessage.strip();
        return new KubeException(codeFor(detail), "helm " + operation + " failed: " + detail, cause, server,
                hide.apply(shown(detail)));
    }

    /** Helm's own advice is for its command line: this console has no {@code --debug}, so it is not repeated. */
    static String shown(String detail) {
        return CLI_ADVICE.matcher(detail).replaceAll("").strip();
    }

    private static final Pattern CLI_ADVICE = Pattern.compile("\\s*\\(?Use --debug flag to render out invalid YAML\\)?\\.?",
            Pattern.CASE_INSENSITIVE);
}
