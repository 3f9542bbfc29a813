package org.iepmp.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRepositoryStoreTest {

    @TempDir
    Path config;

    @Test
    void keepsRepositoriesInOrderAndSecretsApartInAnOwnerOnlyFile() throws Exception {
        FileRepositoryStore store = new FileRepositoryStore(config);
        RepositoryDefinition vendor = new RepositoryDefinition("vendor", "https://repo.vendor.example/packages",
                RepositoryType.GLASSKUBE, Transport.HTTP, Origin.VENDOR, AuthMethod.BASIC, "/etc/iepmp/vendor-ca.pem",
                null, true);
        RepositoryDefinition usb = RepositoryDefinition.directory("usb", "/media/usb/charts", RepositoryType.HELM,
                Origin.CUSTOMER).withEnabled(false);
        store.save(vendor, Optional.of(Credentials.basic("plant7", "s3cret-pass")));
        store.save(usb, Optional.empty());

        FileRepositoryStore reopened = new FileRepositoryStore(config);
        assertThat(reopened.list()).containsExactly(vendor, usb);
        assertThat(reopened.credentials("vendor")).contains(Credentials.basic("plant7", "s3cret-pass"));
        assertThat(reopened.credentials("usb")).isEmpty();

        String main = Files.readString(config.resolve("repositories.yaml"));
        assertThat(main).contains("vendor", "glasskube", "basic").doesNotContain("s3cret-pass", "plant7");
        Path secrets = config.resolve("credentials.yaml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(Files.list(config).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("repositories.yaml", "credentials.yaml");
    }

    @Test
    void replacesAndRemovesWithTheirCredentials() {
        FileRepositoryStore store = new FileRepositoryStore(config);
        RepositoryDefinition first = RepositoryDefinition.http("r", "https://a.example/", RepositoryType.HELM, Origin.VENDOR)
                .withAuth(AuthMethod.BEARER);
        store.save(first, Optional.of(Credentials.bearer("tok-1")));
        RepositoryDefinition second = first.withEnabled(false);
        store.save(second, Optional.empty());
        assertThat(store.list()).containsExactly(second);
        assertThat(store.credentials("r")).contains(Credentials.bearer("tok-1"));
        store.remove("r");
        assertThat(store.list()).isEmpty();
        assertThat(store.credentials("r")).isEmpty();
    }

    @Test
    void credentialsNeverShowTheirSecretsAsText() {
        assertThat(Credentials.basic("user", "pw-123").toString()).contains("user").doesNotContain("pw-123");
        assertThat(Credentials.bearer("tok-456").toString()).doesNotContain("tok-456");
    }

    @Test
    void rejectsUnsafeNamesAndBrokenFiles() throws Exception {
        assertThatThrownBy(() -> RepositoryDefinition.http("../x", "https://a/", RepositoryType.HELM, Origin.VENDOR))
                .isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).code()).isEqualTo(CatalogErrorCode.REPOSITORY_INVALID);
        Files.writeString(config.resolve("repositories.yaml"), "repositories: [ {name: x, type: nonsense");
        assertThatThrownBy(() -> new FileRepositoryStore(config).list())
                .isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).code()).isEqualTo(CatalogErrorCode.CONFIG_UNREADABLE);
    }
}
