package org.iepmp.catalog.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.Transport;
import org.iepmp.catalog.api.VerifiedArchive;
import org.iepmp.catalog.config.AtomicFiles;
import org.iepmp.catalog.source.LoadedRepository;
import org.iepmp.catalog.source.RepositorySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Glasskube or Helm repository kept in Git (a customer mirror). The branch or tag is cloned
 * into the cache; a refresh asks the remote for the ref's commit and clones again only when it
 * moved. A new clone is validated as a repository before it replaces the old checkout, so a
 * broken commit never replaces a good catalog.
 */
public final class GitSource implements RepositorySource {

    private static final Logger LOG = LoggerFactory.getLogger(GitSource.class);
    private static final String CHECKOUT = "checkout";
    private static final String STATE = "state.properties";

    private final RepositoryDefinition definition;
    private final Optional<Credentials> credentials;
    private final Path root;
    private final CatalogSettings settings;
    private final Clock clock;
    private final Function<RepositoryDefinition, RepositorySource> directorySources;
    private volatile RepositorySource delegate;

    /**
     * @param root folder of this repository's clone in the cache
     * @param directorySources makes the directory source of the repository's layout for a folder
     */
    public GitSource(RepositoryDefinition definition, Optional<Credentials> credentials, Path root,
            CatalogSettings settings, Clock clock, Function<RepositoryDefinition, RepositorySource> directorySources) {
        this.definition = definition;
        this.credentials = credentials;
        this.root = root;
        this.settings = settings;
        this.clock = clock;
        this.directorySources = directorySources;
    }

    @Override
    public RepositoryDefinition definition() {
        return definition;
    }

    @Override
    public LoadedRepository load(boolean network) {
        Path checkout = root.resolve(CHECKOUT);
        if (network) {
            sync(checkout);
        } else if (!Files.isDirectory(checkout)) {
            throw new CatalogException(CatalogErrorCode.NOT_LOADED, definition.name() + " was never cloned",
                    definition.name());
        }
        Properties state = readState();
        RepositorySource source = directorySources.apply(asDirectory(checkout));
        LoadedRepository loaded = source.load(false);
        delegate = source;
        Instant fetchedAt = Instant.parse(state.getProperty("fetchedAt", clock.instant().toString()));
        return new LoadedRepository(loaded.packages(), fetchedAt, !network, loaded.skipped());
    }

    private void sync(Path checkout) {
        String remoteId = remoteCommit();
        Properties state = readState();
        Instant now = clock.instant();
        if (Files.isDirectory(checkout) && remoteId.equals(state.getProperty("remoteId"))) {
            writeState(remoteId, now);
            return;
        }
        Path temp = root.resolve(".clone-" + Long.toHexString(System.nanoTime()));
        try {
            Files.createDirectories(root);
            try (Git ignored = Git.cloneRepository()
                    .setURI(definition.location())
                    .setDirectory(temp.toFile())
                    .setBranch(ref())
                    .setCredentialsProvider(credentialsProvider())
                    .setTimeout(timeoutSeconds())
                    .call()) {
                LOG.info("Cloned {} at {}", definition.name(), remoteId);
            }
            // Validate before it replaces anything.
            directorySources.apply(asDirectory(temp)).load(false);
            Path old = root.resolve(".old-" + Long.toHexString(System.nanoTime()));
            if (Files.exists(checkout)) {
                Files.move(checkout, old);
            }
            Files.move(temp, checkout);
            writeState(remoteId, now);
            deleteTree(old);
        } catch (GitAPIException e) {
            throw translate(e);
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.IO, "cannot store clone of " + definition.name(), e,
                    root.toString());
        } finally {
            deleteTree(temp);
        }
    }

    private String remoteCommit() {
        try {
            Map<String, Ref> refs = Git.lsRemoteRepository()
                    .setRemote(definition.location())
                    .setCredentialsProvider(credentialsProvider())
                    .setTimeout(timeoutSeconds())
                    .callAsMap();
            String ref = ref();
            List<String> names = ref == null ? List.of("HEAD")
                    : List.of("refs/heads/" + ref, "refs/tags/" + ref, ref);
            for (String name : names) {
                Ref found = refs.get(name);
                if (found != null && found.getObjectId() != null) {
                    return (found.getPeeledObjectId() != null ? found.getPeeledObjectId() : found.getObjectId()).name();
                }
            }
            throw new CatalogException(CatalogErrorCode.NOT_FOUND,
                    definition.name() + " has no branch or tag " + ref, definition.location() + "#" + ref, 404);
        } catch (GitAPIException e) {
            throw translate(e);
        }
    }

    private CatalogException translate(GitAPIException e) {
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String where = definition.location();
        if (e instanceof InvalidRemoteException) {
            return new CatalogException(CatalogErrorCode.NOT_FOUND, "no Git repository at " + where, e, where, 404);
        }
        if (e instanceof TransportException) {
            if (text.contains("not authorized") || text.contains("authentication")) {
                return new CatalogException(CatalogErrorCode.UNAUTHORIZED, "Git rejected credentials for " + where, e,
                        where, 401);
            }
            if (text.contains("timed out") || text.contains("timeout")) {
                return new CatalogException(CatalogErrorCode.TIMEOUT, "Git timeout on " + where, e, where);
            }
            if (text.contains("not found") || text.contains("does not appear to be a git repository")) {
                return new CatalogException(CatalogErrorCode.NOT_FOUND, "no Git repository at " + where, e, where, 404);
            }
            if (text.contains("certificate") || text.contains("ssl")) {
                return new CatalogException(CatalogErrorCode.CERTIFICATE_UNTRUSTED, "TLS failure on " + where, e, where);
            }
        }
        return new CatalogException(CatalogErrorCode.UNREACHABLE, "Git failure on " + where + ": " + e.getMessage(), e,
                where);
    }

    private CredentialsProvider credentialsProvider() {
        if (definition.auth() == AuthMethod.NONE || credentials.isEmpty()) {
            return null;
        }
        Credentials c = credentials.get();
        if (definition.auth() == AuthMethod.BEARER && c.token() != null) {
            // Git servers (GitLab, Gitea, GitHub) take an access token as the password.
            return new UsernamePasswordCredentialsProvider(c.username() == null ? "token" : c.username(), c.token());
        }
        return new UsernamePasswordCredentialsProvider(c.username() == null ? "" : c.username(),
                c.password() == null ? "" : c.password());
    }

    private String ref() {
        return definition.gitRef() == null || definition.gitRef().isBlank() ? null : definition.gitRef().trim();
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, settings.requestTimeout().toSeconds());
    }

    private RepositoryDefinition asDirectory(Path folder) {
        return new RepositoryDefinition(definition.name(), folder.toString(), definition.type(), Transport.DIR,
                definition.origin(), AuthMethod.NONE, null, null, definition.enabled());
    }

    private Properties readState() {
        Properties state = new Properties();
        Path file = root.resolve(STATE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                state.load(in);
            } catch (IOException e) {
                LOG.debug("Unreadable Git state of {}", definition.name());
            }
        }
        return state;
    }

    private void writeState(String remoteId, Instant fetchedAt) {
        Properties state = new Properties();
        state.setProperty("remoteId", remoteId);
        state.setProperty("fetchedAt", fetchedAt.toString());
        Path file = root.resolve(STATE);
        try {
            Path temp = AtomicFiles.tempBeside(file, false);
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    state.store(out, null);
                }
                AtomicFiles.moveInto(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.IO, "cannot write " + file, e, file.toString());
        }
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort; names starting with a dot are never read as a checkout
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }

    private RepositorySource delegate() {
        RepositorySource current = delegate;
        if (current == null) {
            load(false);
            current = delegate;
        }
        return current;
    }

    @Override
    public ResolvedVersion resolve(String packageName, String version) {
        return delegate().resolve(packageName, version);
    }

    @Override
    public VerifiedArchive fetchChartArchive(ResolvedVersion version) {
        return delegate().fetchChartArchive(version);
    }

    @Override
    public List<org.iepmp.catalog.api.VersionFacts> versionFacts(org.iepmp.catalog.api.CatalogPackage pkg) {
        return delegate().versionFacts(pkg);
    }

    @Override
    public List<String> manifests(ResolvedVersion version) {
        return delegate().manifests(version);
    }
}
