package org.iepmp.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CodedExceptionTest {

    private enum SampleCode implements ErrorCode {
        CA_CERTIFICATE_INVALID,
        IO,
        MICROK8S_GROUP;

        @Override
        public String domain() {
            return "sample";
        }
    }

    private static final class SampleException extends CodedException {
        SampleException(SampleCode code, String logMessage, Object... params) {
            super(code, logMessage, params);
        }
    }

    @Test
    void keysFollowFromTheDomainAndTheName() {
        assertThat(SampleCode.CA_CERTIFICATE_INVALID.messageKey()).isEqualTo("sample.error.caCertificateInvalid");
        assertThat(SampleCode.CA_CERTIFICATE_INVALID.hintKey()).isEqualTo("sample.error.caCertificateInvalid.hint");
        assertThat(SampleCode.IO.messageKey()).isEqualTo("sample.error.io");
        assertThat(SampleCode.MICROK8S_GROUP.messageKey()).isEqualTo("sample.error.microk8sGroup");
        assertThat(SampleCode.IO.qualifiedName()).isEqualTo("sample.IO");
    }

    @Test
    void carriesCodeParametersAndLogMessage() {
        SampleException failure = new SampleException(SampleCode.IO, "disk gone", "/data", null);
        assertThat(failure.getMessage()).isEqualTo("IO: disk gone");
        assertThat(failure.params()).containsExactly("/data", null);
        assertThat(CodedException.codeOf(failure)).contains(SampleCode.IO);
        assertThat(CodedException.codeOf(new IOException("untyped"))).isEmpty();
    }
}
