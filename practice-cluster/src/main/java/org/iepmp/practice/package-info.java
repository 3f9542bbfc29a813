/**
 * Practice mode: an in-process simulated Kubernetes API server ({@link org.iepmp.practice.PracticeCluster})
 * that real clients — the Helm 3.17 CLI, kubectl 1.31, helm-java 0.0.21, fabric8 7.4 — use unchanged through the
 * kubeconfig it writes, plus the practice catalog ({@link org.iepmp.practice.PracticeCatalog}).
 *
 * <h2>Faithful</h2>
 * <ul>
 * <li>HTTPS on 127.0.0.1 with a generated CA in the kubeconfig ({@code certificate-authority-data}); plain HTTP on
 * request.</li>
 * <li>Legacy discovery ({@code /version}, {@code /api}, {@code /apis}, group and resource lists with verbs, short
 * names, categories, subresources); {@code /openapi/v3} with the {@code fieldValidation} parameter, which is what
 * Helm and kubectl check before choosing server-side field validation.</li>
 * <li>JSON everywhere; protobuf request bodies for Secret, ConfigMap and DeleteOptions (Helm's release storage sends
 * them); responses always JSON.</li>
 * <li>Typed lists ({@code SecretList}, items without kind as on a real server), label and field selectors, global
 * resourceVersion with 409 Conflict on stale writes, Status objects (NotFound, AlreadyExists, Conflict, Invalid,
 * Forbidden) with the real messages and details, generateName, uid, creationTimestamp, generation.</li>
 * <li>JSON patch, merge patch, strategic merge patch with the merge keys of the built-in list fields (containers,
 * env, ports, volumes, volumeMounts, ...) and the {@code $patch}, {@code $retainKeys},
 * {@code $deleteFromPrimitiveList} directives; server-side apply (create or merge, fields the manager stopped
 * applying removed, 409 conflicts with another manager's differing values unless {@code force}).</li>
 * <li>Watches (streaming JSON, resume from resourceVersion, 410 Expired, bookmarks, selector enter/leave as
 * ADDED/DELETED); websocket watch requests answered so fabric8 falls back to the streaming GET.</li>
 * <li>CRDs registered on create, Established/NamesAccepted conditions, served at once.</li>
 * <li>Owner references and deletion propagation (background, foreground, orphan); finalizers.</li>
 * <li>Controllers: Deployment → ReplicaSet (pod-template-hash, revision annotation) → Pods with status and
 * conditions; StatefulSet (ordinal, ordered), DaemonSet (per node), Job (completions, backoff limit); scheduler
 * (requests vs allocatable, Unschedulable); kubelet (Running/Ready after a delay, scripted ErrImagePull /
 * ImagePullBackOff, CrashLoopBackOff with restart counts and last log lines, Pending); Events with aggregation; pod
 * logs with tailLines and follow; Table output for kubectl.</li>
 * </ul>
 *
 * <h2>Simplified</h2>
 * <ul>
 * <li>No authentication or authorization (every request is cluster-admin; SelfSubjectAccessReview says allowed).</li>
 * <li>No schema validation: unknown fields are kept; only the workload checks of {@code Validation} run.</li>
 * <li>managedFields record each manager's last request, not field-by-field ownership transfer.</li>
 * <li>No pagination ({@code limit} returns everything), no aggregated discovery, no OpenAPI v2, no protobuf
 * responses, no exec/attach/port-forward, no probes (readiness is the configured delay).</li>
 * <li>Namespace deletion empties the namespace at once (no Terminating phase visible to clients).</li>
 * </ul>
 */
package org.iepmp.practice;
