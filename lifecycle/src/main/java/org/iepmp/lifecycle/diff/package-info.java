/**
 * Diffs of rendered manifests for plans.
 */
package org.iepmp.lifecycle.diff;
