package org.iepmp.app.gui.repositories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.Transport;
import org.iepmp.practice.api.PracticeCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format from what is there: the practice catalog's real Glasskube and Helm repositories, and OCI references. */
class RepositoryFormatsTest {

    @TempDir
    Path dir;

    @Test
    void detectsGlasskubeAndHelmFoldersFromTheirIndexes() throws Exception {
        PracticeCatalog.Layout catalog = PracticeCatalog.create().writeTo(dir.resolve("catalog"));

        assertThat(RepositoryFormats.detect(Transport.DIR, catalog.glasskubeRepository().toString()))
                .contains(RepositoryType.GLASSKUBE);
        assertThat(RepositoryFormats.detect(Transport.DIR, catalog.helmRepository().toString() + " "))
                .contains(RepositoryType.HELM);
    }

    @Test
    void anOciReferenceIsAnOciRegistry() {
        assertThat(RepositoryFormats.detect(Transport.HTTP, "oci://registry.plant.local:32000/charts"))
                .contains(RepositoryType.OCI);
    }

    @Test
    void nothingTellsWhereThereIsNoIndexOrAnUnknownOne() throws Exception {
        assertThat(RepositoryFormats.detect(Transport.DIR, dir.toString())).isEmpty();
        assertThat(RepositoryFormats.detect(Transport.DIR, dir.resolve("missing").toString())).isEmpty();
        assertThat(RepositoryFormats.detect(Transport.DIR, "")).isEmpty();
        Files.writeString(dir.resolve("index.yaml"), "just: text\n");
        assertThat(RepositoryFormats.detect(Transport.DIR, dir.toString())).isEmpty();
        assertThat(RepositoryFormats.detect(Transport.HTTP, "https://packages.vendor.example/iepmp"))
                .as("an HTTP repository is told by testing it").isEmpty();
    }
}
