package org.iepmp.kube.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;

/** Turns whatever fabric8 or the JDK threw into a typed {@link KubeException}. */
public final class KubeErrors {

    private KubeErrors() {
    }

    public static KubeException map(Throwable error, String server) {
        if (error instanceof KubeException kube) {
            return kube;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof KubeException kube) {
                return kube;
            }
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException
                    || containsIgnoreCase(t.getMessage(), "certificate expired")
                    || containsIgnoreCase(t.getMessage(), "NotAfter")) {
                return new KubeException(KubeErrorCode.CERTIFICATE_EXPIRED, describe(error), error, server);
            }
            if (t instanceof SSLException || containsIgnoreCase(t.getMessage(), "PKIX path")
                    || containsIgnoreCase(t.getMessage(), "unable to find valid certification path")) {
                return new KubeException(KubeErrorCode.CERTIFICATE_UNTRUSTED, describe(error), error, server);
            }
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return new KubeException(KubeErrorCode.UNREACHABLE, describe(error), error, server);
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException || t instanceof InterruptedIOException) {
                return new KubeException(KubeErrorCode.TIMEOUT, describe(error), error, server);
            }
            if (t instanceof CancellationException || t instanceof InterruptedException) {
                return new KubeException(KubeErrorCode.CANCELLED, describe(error), error, server);
            }
            if (t instanceof KubernetesClientException k && k.getCode() > 0) {
                return fromStatus(k.getCode(), error, server);
            }
        }
        return new KubeException(KubeErrorCode.INTERNAL, describe(error), error, server);
    }

    static KubeException fromStatus(int status, Throwable error, String server) {
        KubeErrorCode code = switch (status) {
            case 401 -> KubeErrorCode.UNAUTHORIZED;
            case 403 -> KubeErrorCode.FORBIDDEN;
            case 404 -> KubeErrorCode.NOT_FOUND;
            case 409 -> KubeErrorCode.CONFLICT;
            case 408, 504 -> KubeErrorCode.TIMEOUT;
            default -> status >= 500 ? KubeErrorCode.SERVER_ERROR : KubeErrorCode.INTERNAL;
        };
        return new KubeException(code, describe(error), error, server);
    }

    private static String describe(Throwable error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private static boolean containsIgnoreCase(String text, String part) {
        return text != null && text.toLowerCase(java.util.Locale.ROOT).contains(part.toLowerCase(java.util.Locale.ROOT));
    }
}
