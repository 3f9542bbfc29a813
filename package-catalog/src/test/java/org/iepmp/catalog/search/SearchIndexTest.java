package org.iepmp.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.SearchFilter;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    private static CatalogPackage pkg(String name, String repository, Origin origin, String description,
            List<String> keywords, String latest) {
        return new CatalogPackage(name, repository, origin, RepositoryType.HELM, description, keywords, null, null,
                List.of(latest), latest);
    }

    private final List<CatalogPackage> packages = List.of(
            pkg("cert-manager", "oss", Origin.OPEN_SOURCE, "X.509 certificate management", List.of("tls"), "1.17.0"),
            pkg("cert-manager", "vendor", Origin.VENDOR, "Vendor build of cert-manager", List.of(), "1.16.0"),
            pkg("cert", "oss", Origin.OPEN_SOURCE, "Certificates", List.of(), "0.1.0"),
            pkg("certificate-exporter", "oss", Origin.OPEN_SOURCE, "Exports expiry", List.of(), "3.0.0"),
            pkg("edge-cert-sync", "vendor", Origin.VENDOR, "Synchronises line certificates", List.of(), "1.0.0"),
            pkg("mqtt-broker", "vendor", Origin.VENDOR, "Message broker for cert renewal", List.of(), "2.0.0"),
            pkg("opc-gateway", "customer", Origin.CUSTOMER, "Collects data", List.of("cert"), "1.0.0"),
            pkg("edge-gateway", "customer", Origin.CUSTOMER, "工业边缘数据采集网关", List.of("工控"), "0.9.0"),
            pkg("Grafana", "oss", Origin.OPEN_SOURCE, "Dashboards", List.of(), "11.0.0"));

    private final SearchIndex index = new SearchIndex(packages);

    @Test
    void ranksExactThenPrefixThenWordThenKeywordThenDescription() {
        assertThat(index.search("cert", SearchFilter.ALL)).extracting(p -> p.name() + "@" + p.repository())
                .containsExactly(
                        "cert@oss",
                        "cert-manager@oss", "cert-manager@vendor", "certificate-exporter@oss",
                        "edge-cert-sync@vendor",
                        "opc-gateway@customer",
                        "mqtt-broker@vendor");
    }

    @Test
    void isCaseInsensitiveAndHandlesSeveralTerms() {
        assertThat(index.search("GRAFANA", SearchFilter.ALL)).extracting(CatalogPackage::name).containsExactly("Grafana");
        assertThat(index.search("cert manager", SearchFilter.ALL)).extracting(CatalogPackage::repository)
                .containsExactly("oss", "vendor");
        assertThat(index.search("cert nothing-like-this", SearchFilter.ALL)).isEmpty();
    }

    @Test
    void findsChineseTextBySubstring() {
        assertThat(index.search("采集", SearchFilter.ALL)).extracting(CatalogPackage::name).containsExactly("edge-gateway");
        assertThat(index.search("工控", SearchFilter.ALL)).extracting(CatalogPackage::name).containsExactly("edge-gateway");
    }

    @Test
    void filtersByOriginRepositoryAndInstalledState() {
        assertThat(index.search("", new SearchFilter(Set.of(Origin.CUSTOMER), Set.of(), Map.of(), null)))
                .extracting(CatalogPackage::name).containsExactly("edge-gateway", "opc-gateway");
        assertThat(index.search("cert", new SearchFilter(Set.of(), Set.of("vendor"), Map.of(), null)))
                .extracting(CatalogPackage::name).containsExactly("cert-manager", "edge-cert-sync", "mqtt-broker");
        Map<String, String> installed = Map.of("cert-manager", "1.16.0", "mqtt-broker", "2.0.0");
        assertThat(index.search("", new SearchFilter(Set.of(), Set.of(), installed, SearchFilter.InstallState.INSTALLED)))
                .extracting(p -> p.name() + "@" + p.repository())
                .containsExactly("cert-manager@oss", "cert-manager@vendor", "mqtt-broker@vendor");
        assertThat(index.search("", new SearchFilter(Set.of(), Set.of(), installed,
                SearchFilter.InstallState.UPDATE_AVAILABLE)))
                .extracting(p -> p.name() + "@" + p.repository()).containsExactly("cert-manager@oss");
        assertThat(index.search("", new SearchFilter(Set.of(), Set.of(), installed,
                SearchFilter.InstallState.NOT_INSTALLED))).hasSize(packages.size() - 3);
    }
}
