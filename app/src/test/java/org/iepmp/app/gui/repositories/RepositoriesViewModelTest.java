package org.iepmp.app.gui.repositories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.CatalogFactory;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.practice.api.PracticeCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repositories against a real store and catalog (the practice Helm repository on disk), on the calling thread. */
class RepositoriesViewModelTest {

    @TempDir
    Path dir;

    private final List<Throwable> unexpected = new ArrayList<>();
    private final int[] catalogChanged = {0};
    private FileRepositoryStore store;
    private PracticeCatalog.Layout layout;
    private RepositoriesViewModel model;

    @BeforeEach
    void open() throws Exception {
        layout = PracticeCatalog.create().writeTo(dir.resolve("practice"));
        store = new FileRepositoryStore(dir.resolve("config"));
        DefaultCatalog catalog = new DefaultCatalog(store, dir.resolve("cache"), CatalogSettings.defaults(), Clock.systemUTC());
        model = new RepositoriesViewModel(store, catalog, new CatalogFactory(CatalogSettings.defaults(), Clock.systemUTC())
                .tester(dir.resolve("scratch")), new DirectTaskExecutor(unexpected::add), Clock.systemUTC(), () -> catalogChanged[0]++);
    }

    @AfterEach
    void nothingUnexpected() {
        assertThat(unexpected).isEmpty();
    }

    private RepositoryForm form(String name, String location) {
        RepositoryForm form = RepositoryForm.empty();
        form.nameProperty().set(name);
        form.locationProperty().set(location);
        form.typeProperty().set(RepositoryType.HELM);
        form.transportProperty().set(RepositoryDefinition.directory(name, location, RepositoryType.HELM, Origin.VENDOR)
                .transport());
        form.originProperty().set(Origin.VENDOR);
        return form;
    }

    private RepositoryRow row(String name) {
        return model.rows().stream().filter(r -> r.definition().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void savingAddsTheRepositoryRefreshesItAndTellsTheCatalog() {
        model.save(form("practice-helm", layout.helmRepository().toString()));

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.failureProperty().get()).isNull();
        assertThat(store.list()).extracting(RepositoryDefinition::name).containsExactly("practice-helm");
        RepositoryStatus status = row("practice-helm").status().orElseThrow();
        assertThat(status.state()).isEqualTo(RepositoryStatus.State.FRESH);
        assertThat(status.packageCount()).isPositive();
        assertThat(catalogChanged[0]).isEqualTo(1);
    }

    @Test
    void aNameThatExistsIsRefusedByTheFormAndNeverReplacesTheStoredRepository() {
        model.save(form("practice-helm", layout.helmRepository().toString()));
        String storedLocation = store.find("practice-helm").orElseThrow().location();
        RepositoryForm again = RepositoryForm.empty(model.rows().stream().map(r -> r.definition().name()).toList());
        again.nameProperty().set("practice-helm ");
        again.locationProperty().set("https://charts.example.com/");
        assertThat(again.problems()).contains("app.repositories.form.error.nameTaken");
        again.nameProperty().set("other-helm");
        assertThat(again.problems()).doesNotContain("app.repositories.form.error.nameTaken");

        // A form that did not know the name yet (another window or the command line added it meanwhile).
        model.save(form("practice-helm", "/somewhere/else"));
        assertThat(model.failureProperty().get()).isInstanceOfSatisfying(CatalogException.class,
                e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.REPOSITORY_EXISTS));
        assertThat(store.find("practice-helm").orElseThrow().location()).isEqualTo(storedLocation);

        RepositoryForm editing = RepositoryForm.of(store.find("practice-helm").orElseThrow(), java.util.Optional.empty());
        assertThat(editing.problems()).as("editing keeps its own name").doesNotContain("app.repositories.form.error.nameTaken");
    }

    @Test
    void disablingSavesAndRefreshesButTheSameStateChangesNothing() {
        model.save(form("practice-helm", layout.helmRepository().toString()));
        RepositoryDefinition saved = row("practice-helm").definition();

        model.setEnabled(saved, true);
        assertThat(catalogChanged[0]).as("already enabled: no refresh").isEqualTo(1);

        model.setEnabled(saved, false);
        assertThat(row("practice-helm").definition().enabled()).isFalse();
        assertThat(store.find("practice-helm").orElseThrow().enabled()).isFalse();
        assertThat(catalogChanged[0]).isEqualTo(2);
    }

    @Test
    void removingTakesItOutOfTheStoreAndTheList() {
        model.save(form("practice-helm", layout.helmRepository().toString()));

        model.remove("practice-helm");

        assertThat(model.rows()).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void testingSavesNothingAndGivesAVerdictForEachOutcome() {
        model.test(form("practice-helm", layout.helmRepository().toString()));
        assertThat(model.lastTestProperty().get().passed()).isTrue();
        assertThat(model.lastTestProperty().get().repository()).isEqualTo("practice-helm");
        assertThat(store.list()).as("a test saves nothing").isEmpty();

        model.test(form("nowhere", dir.resolve("missing").toString()));
        assertThat(model.lastTestProperty().get().passed()).isFalse();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(catalogChanged[0]).isZero();
    }

    @Test
    void theEditFormCarriesTheStoredUserName() throws Exception {
        RepositoryDefinition definition = RepositoryDefinition.directory("private", layout.helmRepository().toString(),
                RepositoryType.HELM, Origin.CUSTOMER);
        store.save(definition, Optional.of(Credentials.basic("technician", "s3cret")));
        AtomicReference<RepositoryForm> opened = new AtomicReference<>();

        model.editForm(store.find("private").orElseThrow(), opened::set);

        assertThat(opened.get().editing()).isTrue();
        assertThat(opened.get().usernameProperty().get()).isEqualTo("technician");
        assertThat(opened.get().secretProperty().get()).as("the secret is never shown").isEmpty();
    }

    @Test
    void theCachedCatalogLoadsWithoutTheNetworkAndListsEveryRepository() throws Exception {
        store.save(RepositoryDefinition.directory("practice-helm", layout.helmRepository().toString(), RepositoryType.HELM,
                Origin.VENDOR), Optional.empty());

        model.loadCached();

        assertThat(model.rows()).extracting(r -> r.definition().name()).containsExactly("practice-helm");
        assertThat(catalogChanged[0]).isEqualTo(1);
    }
}
