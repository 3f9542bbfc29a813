/**
 * Turns "install / upgrade / roll back / uninstall this" into a planned, checked, verified and
 * recorded operation (SQLite history, cluster lock, crash recovery). No JavaFX.
 */
package org.iepmp.lifecycle.api;
