package org.iepmp.catalog.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.iepmp.catalog.support.Lazy;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.LocationCredentials;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.Transport;

/**
 * Keeps repositories in {@code repositories.yaml} and their secrets in {@code credentials.yaml}
 * (mode 0600) of the config directory, so the main file can be shown or shared without secrets.
 */
public final class FileRepositoryStore implements RepositoryStore {

    static final String REPOSITORIES_FILE = "repositories.yaml";
    static final String CREDENTIALS_FILE = "credentials.yaml";

    private final Path configDir;
    private final Object lock = new Object();
    /** Made on first use (see {@link Lazy}). */
    private final Lazy<ObjectMapper> yaml = new Lazy<>(() -> new ObjectMapper(
            new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS));

    public FileRepositoryStore(Path configDir) {
        this.configDir = configDir;
    }

    @Override
    public List<RepositoryDefinition> list() {
        synchronized (lock) {
            return List.copyOf(readRepositories());
        }
    }

    @Override
    public Optional<RepositoryDefinition> find(String name) {
        return list().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    @Override
    public void save(RepositoryDefinition definition, Optional<Credentials> credentials) {
        if (LocationCredentials.find(definition.location()).isPresent()) {
            // The list is a plain file others may read: a password in an address would sit there in clear text.
            throw new CatalogException(CatalogErrorCode.CREDENTIALS_IN_URL, "the location of " + definition.name()
                    + " carries credentials", definition.name());
        }
        synchronized (lock) {
            List<RepositoryDefinition> all = new ArrayList<>(readRepositories());
            boolean replaced = false;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).name().equals(definition.name())) {
                    all.set(i, definition);
                    replaced = true;
                }
            }
            if (!replaced) {
                all.add(definition);
            }
            writeRepositories(all);
            if (credentials.isPresent()) {
                Map<String, Credentials> secrets = readCredentials();
                secrets.put(definition.name(), credentials.get());
                writeCredentials(secrets);
            }
        }
    }

    @Override
    public void remove(String name) {
        synchronized (lock) {
            List<RepositoryDefinition> all = new ArrayList<>(readRepositories());
            if (all.removeIf(r -> r.name().equals(name))) {
                writeRepositories(all);
            }
            Map<String, Credentials> secrets = readCredentials();
            if (secrets.remove(name) != null) {
                writeCredentials(secrets);
            }
        }
    }

    @Override
    public Optional<Credentials> credentials(String name) {
        synchronized (lock) {
            return Optional.ofNullable(readCredentials().get(name));
        }
    }

    private List<RepositoryDefinition> readRepositories() {
        Path file = configDir.resolve(REPOSITORIES_FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            RepositoriesFile content = yaml.get().readValue(file.toFile(), RepositoriesFile.class);
            List<RepositoryDefinition> result = new ArrayList<>();
            if (content != null && content.repositories != null) {
                for (RepositoryEntry e : content.repositories) {
                    result.add(e.toDefinition());
                }
            }
            return result;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new CatalogException(CatalogErrorCode.CONFIG_UNREADABLE, "cannot read " + file + ": " + e.getMessage(),
                    e, file.toString());
        }
    }

    private void writeRepositories(List<RepositoryDefinition> all) {
        Path file = configDir.resolve(REPOSITORIES_FILE);
        RepositoriesFile content = new RepositoriesFile();
        content.repositories = all.stream().map(RepositoryEntry::of).toList();
        try {
            AtomicFiles.write(file, yaml.get().writeValueAsBytes(content), false);
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.CONFIG_UNWRITABLE, "cannot write " + file, e, file.toString());
        }
    }

    private Map<String, Credentials> readCredentials() {
        Path file = configDir.resolve(CREDENTIALS_FILE);
        Map<String, Credentials> result = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return result;
        }
        try {
            CredentialsFile content = yaml.get().readValue(file.toFile(), CredentialsFile.class);
            if (content != null && content.credentials != null) {
                content.credentials.forEach((k, v) -> result.put(k, new Credentials(v.username, v.password, v.token)));
            }
            return result;
        } catch (IOException e) {
            // The exception text of a YAML parser may quote the file: keep it out of the message.
            throw new CatalogException(CatalogErrorCode.CONFIG_UNREADABLE, "cannot read credentials file " + file, null,
                    file.toString());
        }
    }

    private void writeCredentials(Map<String, Credentials> secrets) {
        Path file = configDir.resolve(CREDENTIALS_FILE);
        CredentialsFile content = new CredentialsFile();
        content.credentials = new LinkedHashMap<>();
        secrets.forEach((k, v) -> {
            SecretEntry e = new SecretEntry();
            e.username = v.username();
            e.password = v.password();
            e.token = v.token();
            content.credentials.put(k, e);
        });
        try {
            AtomicFiles.write(file, yaml.get().writeValueAsBytes(content), true);
        } catch (IOException e) {
            throw new CatalogException(CatalogErrorCode.CONFIG_UNWRITABLE, "cannot write credentials file " + file, null,
                    file.toString());
        }
    }

    /** File shape of {@code repositories.yaml}. */
    public static final class RepositoriesFile {
        public List<RepositoryEntry> repositories = List.of();
    }

    /** One repository as written in the file (lower-case enum words, readable by hand). */
    public static final class RepositoryEntry {
        public String name;
        public String url;
        public String type;
        public String transport;
        public String origin;
        public String auth;
        public String caCertificate;
        public String gitRef;
        public Boolean enabled;

        static RepositoryEntry of(RepositoryDefinition d) {
            RepositoryEntry e = new RepositoryEntry();
            e.name = d.name();
            e.url = d.location();
            e.type = d.type().name().toLowerCase(Locale.ROOT);
            e.transport = d.transport().name().toLowerCase(Locale.ROOT);
            e.origin = d.origin().name().toLowerCase(Locale.ROOT);
            e.auth = d.auth().name().toLowerCase(Locale.ROOT);
            e.caCertificate = d.caCertificate();
            e.gitRef = d.gitRef();
            e.enabled = d.enabled();
            return e;
        }

        RepositoryDefinition toDefinition() {
            return new RepositoryDefinition(name, url, RepositoryType.valueOf(upper(type)),
                    Transport.valueOf(upper(transport)), origin == null ? null : Origin.valueOf(upper(origin)),
                    auth == null ? null : AuthMethod.valueOf(upper(auth)), caCertificate, gitRef,
                    enabled == null || enabled);
        }

        private static String upper(String s) {
            return s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        }
    }

    /** File shape of {@code credentials.yaml}. */
    public static final class CredentialsFile {
        public Map<String, SecretEntry> credentials = Map.of();
    }

    /** Secrets of one repository. */
    public static final class SecretEntry {
        public String username;
        public String password;
        public String token;
    }
}
