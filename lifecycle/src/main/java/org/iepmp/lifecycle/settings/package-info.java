/**
 * Glasskube value definitions applied as Glasskube applies them: values resolved (references read
 * from the cluster, defaults), checked, templated with Go's engine, and patched into chart values
 * or manifest resources as JSON patches.
 */
package org.iepmp.lifecycle.settings;
