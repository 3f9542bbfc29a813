package org.iepmp.app.gui.catalog;

import org.iepmp.app.gui.common.PackageTexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.i18n.api.Messages;
import org.iepmp.practice.api.PracticeCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The practice packages read in the user's language, and a Chinese search finds them by those words. */
class PackageTextsTest {

    @TempDir
    Path dir;

    @Test
    void practicePackagesAreDescribedAndFoundInTheUsersLanguage() throws Exception {
        PracticeCatalog.Layout layout = PracticeCatalog.create().writeTo(dir.resolve("practice"));
        FileRepositoryStore store = new FileRepositoryStore(dir.resolve("config"));
        store.save(RepositoryDefinition.directory("practice", layout.glasskubeRepository().toString(), RepositoryType.GLASSKUBE,
                Origin.VENDOR), Optional.empty());
        DefaultCatalog catalog = new DefaultCatalog(store, dir.resolve("cache"), CatalogSettings.defaults(), Clock.systemUTC());
        catalog.refresh();
        AtomicReference<Messages> language = new AtomicReference<>(I18n.load().messages(Language.TRADITIONAL_CHINESE));
        PackageTexts texts = new PackageTexts(language::get);
        CatalogViewModel model = new CatalogViewModel(catalog, new DirectTaskExecutor(e -> {
            throw new AssertionError(e);
        }), PackageIcons.NONE, texts, version -> { });

        var monitor = catalog.packages().stream().filter(p -> p.name().equals("line-monitor")).findFirst().orElseThrow();
        assertThat(texts.description(monitor)).isEqualTo("產線監控（練習套件）");
        model.queryProperty().set("監控");
        assertThat(model.results()).extracting(p -> p.name()).containsExactly("line-monitor");

        language.set(I18n.load().messages(Language.SIMPLIFIED_CHINESE));
        model.queryProperty().set("消息代理");
        assertThat(model.results()).extracting(p -> p.name()).containsExactly("mqtt-broker");
        assertThat(PackageTexts.NONE.description(monitor)).isEqualTo(monitor.description());
        assertThat(texts.description("line-monitor", "a-vendor", "Vendor's own words"))
                .as("a vendor's package reads as its repository wrote it").isEqualTo("Vendor's own words");
    }
}
