package org.iepmp.kube.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Helm's and client-go's own sentences (as helm-java passes them on) and the codes they must get. */
class HelmErrorTranslatorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            cannot re-use a name that is still in use | ALREADY_EXISTS
            INSTALLATION FAILED: cannot re-use a name that is still in use | ALREADY_EXISTS
            rendered manifests contain a resource that already exists. Unable to continue with install: ConfigMap "x" in namespace "default" exists and cannot be imported into the current release: invalid ownership metadata | ALREADY_EXISTS
            another operation (install/upgrade/rollback) is in progress | OPERATION_IN_PROGRESS
            UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress | OPERATION_IN_PROGRESS
            release: not found | NOT_FOUND
            uninstall: Release not loaded: line-monitor: release: not found | NOT_FOUND
            "line-monitor" has no deployed releases | NOT_FOUND
            YAML parse error on broken-yaml/templates/configmap.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context | INVALID_CHART
            parse error at (hello/templates/deployment.yaml:3): function "nope" not defined | INVALID_CHART
            template: hello/templates/deployment.yaml:12:20: executing "hello/templates/deployment.yaml" at <.Values.image.tag>: nil pointer evaluating interface {}.tag | INVALID_CHART
            Chart.yaml file is missing | INVALID_CHART
            validation: chart.metadata.name is required | INVALID_CHART
            file '/tmp/x.tgz' does not appear to be a gzipped archive; got 'application/octet-stream' | INVALID_CHART
            library charts are not installable | INVALID_CHART
            unable to build kubernetes objects from release manifest: resource mapping not found for name: "x" namespace: "" from "": no matches for kind "Widget" in version "example.com/v1" | INVALID_CHART
            values don't meet the specifications of the schema(s) in the following chart(s): | INVALID_CHART
            Kubernetes cluster unreachable: Get "https://127.0.0.1:16443/version": dial tcp 127.0.0.1:16443: connect: connection refused | UNREACHABLE
            Kubernetes cluster unreachable: Get "https://ipc.local:16443/version": dial tcp: lookup ipc.local: no such host | UNREACHABLE
            Kubernetes cluster unreachable: Get "https://10.0.0.9:16443/version": dial tcp 10.0.0.9:16443: i/o timeout | UNREACHABLE
            Get "https://127.0.0.1:16443/api/v1/namespaces/default/secrets": EOF | UNREACHABLE
            Kubernetes cluster unreachable: the server has asked for the client to provide credentials | UNAUTHORIZED
            Unauthorized | UNAUTHORIZED
            secrets is forbidden: User "system:serviceaccount:default:viewer" cannot create resource "secrets" in API group "" in the namespace "default" | FORBIDDEN
            create: failed to create: secrets is forbidden: User "tech" cannot create resource "secrets" | FORBIDDEN
            Kubernetes cluster unreachable: Get "https://127.0.0.1:16443/version": x509: certificate signed by unknown authority | CERTIFICATE_UNTRUSTED
            Kubernetes cluster unreachable: Get "https://127.0.0.1:16443/version": x509: certificate has expired or is not yet valid: current time 2026-11-21T22:00:00Z is after 2026-01-01T00:00:00Z | CERTIFICATE_EXPIRED
            context deadline exceeded | TIMEOUT
            timed out waiting for the condition | TIMEOUT
            UPGRADE FAILED: Operation cannot be fulfilled on secrets "sh.helm.release.v1.x.v2": the object has been modified; please apply your changes to the latest version and try again | CONFLICT
            something nobody has seen before | INTERNAL
            """)
    void helmSentencesGetTheirCodes(String helmMessage, KubeErrorCode expected) {
        assertThat(HelmErrorTranslator.codeFor(helmMessage)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            install | YAML parse error on c/templates/a.yaml: error converting YAML to JSON
            upgrade | release: not found
            """)
    void theDetailAndServerAreCarried(String operation, String message) {
        KubeException e = HelmErrorTranslator.translate(operation, message, null, "https://ipc:16443");
        assertThat(e.params()).containsExactly("https://ipc:16443", message);
        assertThat(e.getMessage()).contains("helm " + operation);
    }

    @org.junit.jupiter.api.Test
    void helmsAdviceForItsOwnCommandLineIsNotRepeated() {
        KubeException error = HelmErrorTranslator.translate("template", "YAML parse error on peer/templates/cm.yaml: "
                + "error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context\n"
                + "Use --debug flag to render out invalid YAML", null, "https://127.0.0.1:16443");
        assertThat(error.code()).isEqualTo(KubeErrorCode.INVALID_CHART);
        assertThat(String.valueOf(error.params().get(1))).doesNotContain("--debug")
                .endsWith("mapping values are not allowed in this context");
        assertThat(error.getMessage()).as("the log keeps Helm's words").contains("--debug");
    }
}
