package org.iepmp.app.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.i18n.api.Messages;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;
import org.junit.jupiter.api.Test;

/** Messages that are true: who is at fault, and words that match what happened. */
class ErrorPresenterTest {

    private final Messages english = I18n.load().messages(Language.ENGLISH);
    private final Messages taiwan = I18n.load().messages(Language.TRADITIONAL_CHINESE);

    @Test
    void aBrokenChartIsAPackageProblemNotAClusterProblem() {
        KubeException template = new KubeException(KubeErrorCode.INVALID_CHART, "helm template failed",
                "https://127.0.0.1:16443", "parse error at (peer/templates/cm.yaml:3): function \"nope\" not defined");
        UserMessage message = new ErrorPresenter().present(template, english);
        assertThat(message.title()).isEqualTo("Package problem");
        assertThat(message.what()).contains("function \"nope\" not defined").doesNotContain("--debug");
        assertThat(new ErrorPresenter().present(template, taiwan).title()).isEqualTo("套件問題");
        assertThat(new ErrorPresenter().present(new KubeException(KubeErrorCode.UNREACHABLE, "x", "https://ipc:16443"),
                english).title()).isEqualTo("Cluster problem");
    }

    @Test
    void anExpiredCertificateSaysExpiredAndWhen() {
        CatalogException expired = new CatalogException(CatalogErrorCode.CERTIFICATE_EXPIRED, "expired", "repo.plant.local",
                Date.from(java.time.Instant.parse("2026-03-01T12:00:00Z")));
        UserMessage message = new ErrorPresenter().present(expired, english);
        assertThat(message.what()).contains("repo.plant.local", "expired", "2026");
        assertThat(new ErrorPresenter().present(expired, taiwan).what()).contains("過期", "2026");
    }
}
