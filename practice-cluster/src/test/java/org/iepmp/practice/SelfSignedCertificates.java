package org.iepmp.practice;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.iepmp.practice.api.PracticeTls;

/**
 * A throw-away certificate authority and a server certificate for 127.0.0.1/localhost, so tests can run the
 * practice API server over HTTPS like a real one, with the CA in the kubeconfig (certificate-authority-data).
 * Test-only: BouncyCastle would add 10 MB to the installed package for a loopback training server.
 */
public final class SelfSignedCertificates implements PracticeTls {

    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final char[] STORE_PASSWORD = "practice".toCharArray();

    private final X509Certificate ca;
    private final SSLContext sslContext;

    private SelfSignedCertificates(X509Certificate ca, SSLContext sslContext) {
        this.ca = ca;
        this.sslContext = sslContext;
    }

    public static SelfSignedCertificates generate() {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair caKeys = generator.generateKeyPair();
            KeyPair serverKeys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name caName = new X500Name("CN=iepmp-practice-ca");
            X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName,
                    new BigInteger(64, random), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(VALIDITY)), caName, caKeys.getPublic());
            caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            caBuilder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            X509Certificate caCert = sign(caBuilder, caKeys);
            X509v3CertificateBuilder serverBuilder = new JcaX509v3CertificateBuilder(caName,
                    new BigInteger(64, random), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(VALIDITY)), new X500Name("CN=kube-apiserver"), serverKeys.getPublic());
            serverBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            serverBuilder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            serverBuilder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            serverBuilder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.dNSName, "kubernetes.default.svc")}));
            X509Certificate serverCert = sign(serverBuilder, caKeys);
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("server", serverKeys.getPrivate(), STORE_PASSWORD,
                    new Certificate[] {serverCert, caCert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, random);
            return new SelfSignedCertificates(caCert, context);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot generate the practice cluster certificates", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    @Override
    public SSLContext sslContext() {
        return sslContext;
    }

    X509Certificate caCertificate() {
        return ca;
    }

    @Override
    public String caPem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(ca);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot encode the practice CA", e);
        }
        return out.toString();
    }
}
