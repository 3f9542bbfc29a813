/**
 * The operation history on SQLite: opening safely (integrity check, consent to start afresh, backup before Flyway migrations), recording, querying, exporting.
 */
package org.iepmp.lifecycle.history;
