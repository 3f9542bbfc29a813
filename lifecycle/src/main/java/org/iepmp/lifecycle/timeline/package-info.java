/**
 * A release's history as shown: recorded steps merged with Helm's own revisions.
 */
package org.iepmp.lifecycle.timeline;
