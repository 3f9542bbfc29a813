package org.iepmp.app.gui.repositories;

import java.util.Optional;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;

/** One line of the repository table: what is configured and how its last refresh went. */
public record RepositoryRow(RepositoryDefinition definition, Optional<RepositoryStatus> status) {
}
