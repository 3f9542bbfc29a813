package org.iepmp.catalog.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a repository elsewhere on the network may lead, and where it may not. */
class OriginRulesTest {

    private final OriginRules remote = new OriginRules(URI.create("https://vendor-repo.invalid/packages/"));

    private static void assertRefused(Runnable check) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(CatalogException.class,
                e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.ORIGIN_REFUSED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/x", "http://localhost/x", "http://app.localhost/x", "http://[::1]/x",
        "http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/x", "http://0.0.0.0/x", "file:///etc/passwd",
        "ftp://mirror.invalid/x", "jar:file:///x.jar!/y", "http:///no-host"})
    void refusesThisMachineAndOtherSchemes(String target) {
        assertRefused(() -> remote.check(URI.create(target), "app v1", "manifests[0].url"));
    }

    @Test
    void refusesTheMachinesOwnInterfaceAddresses() throws Exception {
        Optional<InetAddress> own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && a.getAddress().length == 4).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(own.isPresent(), "no non-loopback IPv4 address on this machine");
        assertRefused(() -> remote.check(URI.create("http://" + own.get().getHostAddress() + ":9000/x"), "app", "url"));
    }

    @Test
    void allowsOtherHostsAndCrossHostHttpsRedirects() {
        assertThat(remote.check(URI.create("https://charts.invalid/demo-1.0.0.tgz"), "demo", "urls")).isNotNull();
        assertThat(remote.checkRedirect(URI.create("https://vendor-repo.invalid/a.tgz"),
                URI.create("https://release-assets.invalid/a.tgz"))).isNotNull();
    }

    @Test
    void aRedirectNeverDowngradesHttpsToHttp() {
        assertRefused(() -> remote.checkRedirect(URI.create("https://vendor-repo.invalid/index.yaml"),
                URI.create("http://vendor-repo.invalid/index.yaml")));
    }

    @Test
    void aRepositoryOnThisMachineMayNameThisMachine() {
        OriginRules local = new OriginRules(URI.create("http://127.0.0.1:8080/"));
        assertThat(local.check(URI.create("http://localhost:9000/x"), "app", "url")).isNotNull();
        assertRefused(() -> local.check(URI.create("file:///etc/passwd"), "app", "url"));
    }
}
