package org.iepmp.practice.api;

import javax.net.ssl.SSLContext;

/**
 * HTTPS material for the practice API server: the server's TLS context and the CA the
 * kubeconfig must trust. The shipped practice mode serves plain HTTP on loopback; tests supply
 * generated certificates to exercise the HTTPS path real clusters use.
 */
public interface PracticeTls {

    SSLContext sslContext();

    /** PEM of the certificate authority that signed the server certificate. */
    String caPem();
}
