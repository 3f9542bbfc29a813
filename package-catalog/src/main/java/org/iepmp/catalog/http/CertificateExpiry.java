package org.iepmp.catalog.http;

import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

/**
 * When a TLS handshake failed because a certificate of the chain expired, the day it expired: the user is told
 * "expired on ..." rather than "not trusted", which would send them looking for a CA certificate.
 */
final class CertificateExpiry {

    private CertificateExpiry() {
    }

    static Optional<Date> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathValidatorException invalid
                    && invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                Optional<Date> notAfter = notAfter(invalid);
                if (notAfter.isPresent()) {
                    return notAfter;
                }
            }
            if (cause instanceof CertificateExpiredException expired) {
                return Optional.of(parsed(expired.getMessage()).orElse(new Date(0)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Date> notAfter(CertPathValidatorException invalid) {
        if (invalid.getCertPath() == null || invalid.getIndex() < 0
                || invalid.getIndex() >= invalid.getCertPath().getCertificates().size()) {
            return Optional.empty();
        }
        Certificate certificate = invalid.getCertPath().getCertificates().get(invalid.getIndex());
        return certificate instanceof X509Certificate x509 ? Optional.of(x509.getNotAfter()) : Optional.empty();
    }

    /** The JDK says "NotAfter: Sat Jan 01 00:00:00 UTC 2022". */
    private static Optional<Date> parsed(String message) {
        if (message == null || !message.startsWith("NotAfter: ")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SimpleDateFormat("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US)
                    .parse(message.substring("NotAfter: ".length())));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
