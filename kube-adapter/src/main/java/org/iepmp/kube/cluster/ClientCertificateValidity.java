package org.iepmp.kube.cluster;

import io.fabric8.kubernetes.client.Config;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;

/**
 * The kubeconfig's own client certificate, checked before connecting: an API server answers an expired one with a
 * bare "Unauthorized" (or the TLS layer drops it), so the user would never learn that the certificate simply ran
 * out, and on which date.
 */
final class ClientCertificateValidity {

    private ClientCertificateValidity() {
    }

    /** Throws CLIENT_CERTIFICATE_EXPIRED naming the kubeconfig and the end date when it is past (or not yet begun). */
    static void check(Config config, Path kubeconfig, Instant now) {
        X509Certificate certificate = read(config);
        if (certificate == null) {
            return;
        }
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        if (now.isAfter(notAfter) || now.isBefore(notBefore)) {
            throw new KubeException(KubeErrorCode.CLIENT_CERTIFICATE_EXPIRED, "client certificate of " + kubeconfig
                    + " valid " + notBefore + " to " + notAfter, kubeconfig.toString(), Date.from(notAfter),
                    Date.from(notBefore));
        }
    }

    private static X509Certificate read(Config config) {
        try (InputStream pem = open(config)) {
            return pem == null ? null : (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        } catch (IOException | CertificateException | IllegalArgumentException e) {
            // Not ours to judge here: the TLS layer reports a certificate it cannot use, with its own words.
            return null;
        }
    }

    private static InputStream open(Config config) throws IOException {
        if (config.getClientCertData() != null && !config.getClientCertData().isBlank()) {
            return new ByteArrayInputStream(Base64.getMimeDecoder().decode(config.getClientCertData().trim()));
        }
        if (config.getClientCertFile() != null && !config.getClientCertFile().isBlank()) {
            return Files.newInputStream(Path.of(config.getClientCertFile()));
        }
        return null;
    }
}
