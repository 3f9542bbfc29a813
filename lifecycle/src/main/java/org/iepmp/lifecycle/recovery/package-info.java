/**
 * Crash recovery: reconciling interrupted operations with the cluster's actual release state.
 */
package org.iepmp.lifecycle.recovery;
