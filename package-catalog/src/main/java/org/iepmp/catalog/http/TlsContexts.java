package org.iepmp.catalog.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;

/**
 * Builds the TLS context of one repository: the system's trusted CAs plus the repository's own
 * CA certificates (a vendor server on the tailnet). Verification is never switched off.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    public static SSLContext withExtraCa(Path pemFile) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (X509Certificate system : systemTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("system-" + index++, system);
            }
            Collection<? extends Certificate> extra = readPem(pemFile);
            for (Certificate certificate : extra) {
                store.setCertificateEntry("repository-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new CatalogException(CatalogErrorCode.CA_CERTIFICATE_INVALID,
                    "cannot build trust store with " + pemFile + ": " + e.getMessage(), e, pemFile.toString());
        }
    }

    private static Collection<? extends Certificate> readPem(Path pemFile) throws IOException {
        if (!Files.isRegularFile(pemFile)) {
            throw new CatalogException(CatalogErrorCode.CA_CERTIFICATE_INVALID, "no CA file " + pemFile,
                    pemFile.toString());
        }
        try (InputStream in = Files.newInputStream(pemFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new CatalogException(CatalogErrorCode.CA_CERTIFICATE_INVALID, "no certificate in " + pemFile,
                        pemFile.toString());
            }
            return certificates;
        } catch (java.security.cert.CertificateException e) {
            throw new CatalogException(CatalogErrorCode.CA_CERTIFICATE_INVALID, "unreadable CA file " + pemFile, e,
                    pemFile.toString());
        }
    }

    private static X509TrustManager systemTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager");
    }
}
