/**
 * Where the lifecycle keeps its files, and the wiring of its local stores for a composition root.
 */
package org.iepmp.lifecycle.storage;
