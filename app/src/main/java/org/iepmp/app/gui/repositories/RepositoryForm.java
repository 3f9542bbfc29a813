package org.iepmp.app.gui.repositories;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.Transport;

/**
 * The add/edit form of one repository. Validation gives bundle keys, checked live; the secret
 * (password or token) is kept only here until saved, and left empty when editing so an unchanged
 * field keeps the stored secret.
 */
public final class RepositoryForm {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty location = new SimpleStringProperty("");
    private final ObjectProperty<RepositoryType> type = new SimpleObjectProperty<>(RepositoryType.GLASSKUBE);
    private final ObjectProperty<Transport> transport = new SimpleObjectProperty<>(Transport.HTTP);
    private final ObjectProperty<Origin> origin = new SimpleObjectProperty<>(Origin.VENDOR);
    private final ObjectProperty<AuthMethod> auth = new SimpleObjectProperty<>(AuthMethod.NONE);
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final StringProperty caCertificate = new SimpleStringProperty("");
    private final StringProperty gitRef = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final boolean editing;
    private final Set<String> takenNames;

    private RepositoryForm(boolean editing, Set<String> takenNames) {
        this.editing = editing;
        this.takenNames = Set.copyOf(takenNames);
    }

    public static RepositoryForm empty() {
        return empty(Set.of());
    }

    /** A new repository, whose name must not be one of {@code takenNames} (adding never replaces silently). */
    public static RepositoryForm empty(Collection<String> takenNames) {
        return new RepositoryForm(false, Set.copyOf(takenNames));
    }

    public static RepositoryForm of(RepositoryDefinition definition, Optional<Credentials> stored) {
        RepositoryForm form = new RepositoryForm(true, Set.of());
        form.name.set(definition.name());
        form.location.set(definition.location());
        form.type.set(definition.type());
        form.transport.set(definition.transport());
        form.origin.set(definition.origin());
        form.auth.set(definition.auth());
        form.username.set(stored.map(Credentials::username).orElse(""));
        form.caCertificate.set(definition.caCertificate() == null ? "" : definition.caCertificate());
        form.gitRef.set(definition.gitRef() == null ? "" : definition.gitRef());
        form.enabled.set(definition.enabled());
        return form;
    }

    /** Bundle keys of what is wrong, empty when the form can be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!NAME.matcher(name.get().trim()).matches() || name.get().trim().startsWith(".")) {
            problems.add("app.repositories.form.error.name");
        } else if (!editing && takenNames.contains(name.get().trim())) {
            problems.add("app.repositories.form.error.nameTaken");
        }
        String where = location.get().trim();
        if (where.isEmpty()) {
            problems.add("app.repositories.form.error.location");
        } else if (transport.get() == Transport.HTTP && !(where.startsWith("https://") || where.startsWith("http://"))) {
            problems.add("app.repositories.form.error.url");
        } else if (transport.get() == Transport.DIR && !where.startsWith("/")) {
            problems.add("app.repositories.form.error.path");
        }
        if (auth.get() == AuthMethod.BASIC && username.get().isBlank()) {
            problems.add("app.repositories.form.error.username");
        }
        if (auth.get() != AuthMethod.NONE && secret.get().isEmpty() && !editing) {
            problems.add("app.repositories.form.error.secret");
        }
        return problems;
    }

    public RepositoryDefinition toDefinition() {
        return new RepositoryDefinition(name.get().trim(), location.get().trim(), type.get(), transport.get(),
                origin.get(), auth.get(), blankToNull(caCertificate.get()), blankToNull(gitRef.get()), enabled.get());
    }

    /** New credentials to store, or empty to keep what is stored (or none for no authentication). */
    public Optional<Credentials> credentials() {
        return switch (auth.get()) {
            case NONE -> Optional.empty();
            case BASIC -> secret.get().isEmpty() ? Optional.empty()
                    : Optional.of(Credentials.basic(username.get().trim(), secret.get()));
            case BEARER -> secret.get().isEmpty() ? Optional.empty() : Optional.of(Credentials.bearer(secret.get()));
        };
    }

    public boolean editing() {
        return editing;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public ObjectProperty<RepositoryType> typeProperty() {
        return type;
    }

    public ObjectProperty<Transport> transportProperty() {
        return transport;
    }

    public ObjectProperty<Origin> originProperty() {
        return origin;
    }

    public ObjectProperty<AuthMethod> authProperty() {
        return auth;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public StringProperty caCertificateProperty() {
        return caCertificate;
    }

    public StringProperty gitRefProperty() {
        return gitRef;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }
}
