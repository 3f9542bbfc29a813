/**
 * The local key and the sealing of secret values kept in the history.
 */
package org.iepmp.lifecycle.secret;
