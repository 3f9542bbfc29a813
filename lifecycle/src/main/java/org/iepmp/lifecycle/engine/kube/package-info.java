/**
 * Adapters the engine needs and the kube-adapter's api does not offer yet, on the fabric8 client of
 * a {@code Fabric8ClusterConnection}: images present on the nodes, and clearing the pending state of
 * Helm's release records for a repair. Candidates to move into kube-adapter.
 */
package org.iepmp.lifecycle.engine.kube;
