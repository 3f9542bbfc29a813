package org.iepmp.catalog;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.Transport;
import org.iepmp.catalog.api.VerifiedArchive;
import org.iepmp.catalog.cache.IndexCache;
import org.iepmp.catalog.cache.RepositoryFiles;
import org.iepmp.catalog.cache.YamlDocuments;
import org.iepmp.catalog.git.GitSource;
import org.iepmp.catalog.glasskube.GlasskubeFormat;
import org.iepmp.catalog.glasskube.GlasskubeSource;
import org.iepmp.catalog.helm.HelmIndexParser;
import org.iepmp.catalog.helm.HelmSource;
import org.iepmp.catalog.http.RepositoryHttp;
import org.iepmp.catalog.oci.OciRegistrySource;
import org.iepmp.catalog.source.ArchiveDownloader;
import org.iepmp.catalog.source.RepositorySource;

/** Builds the source of a repository definition: its layout on top of its transport. */
final class SourceFactory {

    private final RepositoryStore store;
    private final IndexCache cache;
    private final CatalogSettings settings;
    private final Clock clock;
    private final Function<ResolvedVersion, VerifiedArchive> glasskubeCharts;
    private final YamlDocuments yaml;
    private final ArchiveDownloader downloader;

    SourceFactory(RepositoryStore store, IndexCache cache, CatalogSettings settings, Clock clock,
            Function<ResolvedVersion, VerifiedArchive> glasskubeCharts) {
        this.store = store;
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
        this.glasskubeCharts = glasskubeCharts;
        this.yaml = new YamlDocuments(settings.maxIndexBytes());
        this.downloader = new ArchiveDownloader(settings);
    }

    RepositorySource create(RepositoryDefinition definition) {
        return create(definition, store.credentials(definition.name()));
    }

    RepositorySource createWithoutCredentials(RepositoryDefinition definition) {
        return create(definition, Optional.empty());
    }

    private RepositorySource create(RepositoryDefinition definition, Optional<Credentials> credentials) {
        if (definition.transport() == Transport.GIT) {
            return new GitSource(definition, credentials, cache.gitDir(definition.name()), settings, clock,
                    folder -> create(folder, Optional.empty()));
        }
        RepositoryHttp http = definition.transport() == Transport.HTTP
                ? new RepositoryHttp(definition, credentials, settings) : null;
        if (definition.type() == RepositoryType.OCI) {
            if (http == null) {
                throw new CatalogException(CatalogErrorCode.UNSUPPORTED, "OCI registries are reached over HTTP(S)",
                        definition.name());
            }
            return new OciRegistrySource(definition, http, cache, settings, clock, downloader);
        }
        RepositoryFiles files = new RepositoryFiles(definition, http, cache, settings, clock);
        return switch (definition.type()) {
            case GLASSKUBE -> new GlasskubeSource(files, new GlasskubeFormat(yaml), yaml, settings, glasskubeCharts);
            case HELM -> new HelmSource(files, new HelmIndexParser(yaml), downloader, cache);
            case OCI -> throw new IllegalStateException("handled above");
        };
    }
}
