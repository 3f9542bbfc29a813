/**
 * Helm-style values: dotted paths, secret masking, values diffs.
 */
package org.iepmp.lifecycle.values;
