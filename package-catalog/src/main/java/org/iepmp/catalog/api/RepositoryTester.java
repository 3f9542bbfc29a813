package org.iepmp.catalog.api;

import java.util.Optional;

/**
 * "Test connection": fetches one repository definition exactly as a refresh would, without saving
 * anything, so a wrong URL or password never reaches the settings. Blocks: call it off the UI thread.
 */
public interface RepositoryTester {

    /** How the fetch went (a failure is a status with its error, not an exception). */
    RepositoryStatus test(RepositoryDefinition definition, Optional<Credentials> credentials);
}
