package org.iepmp.catalog.api;

import java.util.List;
import java.util.Optional;

/** The configured repositories and their credentials, kept in the config directory. */
public interface RepositoryStore {

    /** All repositories in the order the user gave them (earlier ones win on equal names). */
    List<RepositoryDefinition> list();

    Optional<RepositoryDefinition> find(String name);

    /** Adds or replaces a repository; credentials, when given, replace the stored ones. */
    void save(RepositoryDefinition definition, Optional<Credentials> credentials);

    /** Removes a repository and its credentials; no error when absent. */
    void remove(String name);

    Optional<Credentials> credentials(String name);
}
