/**
 * Local content-addressed store of chart archives, so a rollback needs no network.
 */
package org.iepmp.lifecycle.archive;
