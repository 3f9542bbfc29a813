package org.iepmp.practice;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.iepmp.practice.api.ApiFault;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.iepmp.practice.api.PracticeTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The practice cluster: an in-process simulated Kubernetes API server on 127.0.0.1 (random port, HTTPS with its own
 * CA by default) with simulated controllers and kubelet, and a kubeconfig (context {@code iepmp-practice}) that real
 * clients — kubectl, the Helm CLI, helm-java, fabric8 — use unchanged.
 *
 * <pre>{@code
 * try (PracticeCluster cluster = PracticeCluster.start(PracticeOptions.defaults())) {
 *     Path kubeconfig = cluster.kubeconfig();
 * }
 * }</pre>
 */
public final class SimulatedCluster implements PracticeCluster {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCluster.class);
    /** The server does not check credentials; the token only makes clients send an Authorization header. */
    private static final String TOKEN = "iepmp-practice-token";

    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final ControlLoop controllers;
    private final Path kubeconfig;
    private final boolean temporaryKubeconfig;
    private final String url;
    private final AtomicBoolean stopped;
    private final ApiFaults faults;
    private final String clusterUid;

    private SimulatedCluster(HttpServer server, ExecutorService requestThreads, ControlLoop controllers,
            Path kubeconfig, boolean temporaryKubeconfig, String url, AtomicBoolean stopped, ApiFaults faults,
            String clusterUid) {
        this.faults = faults;
        this.server = server;
        this.requestThreads = requestThreads;
        this.controllers = controllers;
        this.kubeconfig = kubeconfig;
        this.temporaryKubeconfig = temporaryKubeconfig;
        this.url = url;
        this.stopped = stopped;
        this.clusterUid = clusterUid;
    }

    /** Starts a practice cluster and writes its kubeconfig. */
    public static SimulatedCluster start(PracticeOptions options) throws IOException {
        AtomicBoolean stopped = new AtomicBoolean();
        ResourceRegistry registry = new ResourceRegistry();
        ObjectStore store = new ObjectStore(Clock.systemUTC());
        Defaults defaults = new Defaults();
        String clusterUid = ClusterSeed.seed(store, registry, defaults, options);
        LogBook logBook = new LogBook();
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        PracticeTls certificates = options.tls();
        HttpServer server;
        if (certificates != null) {
            HttpsServer https = HttpsServer.create(loopback, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(certificates.sslContext()));
            server = https;
        } else {
            server = HttpServer.create(loopback, 64);
        }
        String hostPort = "127.0.0.1:" + server.getAddress().getPort();
        String url = (certificates != null ? "https://" : "http://") + hostPort;
        ExecutorService requestThreads = Executors.newCachedThreadPool(daemonThreads("practice-api"));
        WatchStreams.Stopping stopping = stopped::get;
        ApiFaults faults = new ApiFaults();
        ResourceOperations operations = new ResourceOperations(registry, store, new ApplyRecords(), defaults);
        ApiHandler handler = new ApiHandler(registry, store, new DiscoveryDocuments(registry, hostPort), operations,
                new WatchStreams(store, stopping), new PodLogEndpoint(store, registry, logBook, stopping), faults);
        server.createContext("/", handler);
        server.setExecutor(requestThreads);
        ControlLoop controllers = new ControlLoop(registry, store, operations, logBook, options);
        Path kubeconfig = options.kubeconfig();
        boolean temporary = kubeconfig == null;
        if (temporary) {
            kubeconfig = Files.createTempFile("iepmp-practice-", ".kubeconfig");
        }
        try {
            KubeconfigFile.write(kubeconfig, KubeconfigFile.render(url,
                    certificates == null ? null : certificates.caPem(), TOKEN));
        } catch (IOException | RuntimeException e) {
            if (temporary) {
                Files.deleteIfExists(kubeconfig);
            }
            requestThreads.shutdownNow();
            throw e;
        }
        server.start();
        controllers.start();
        LOG.info("Practice cluster serving on {} (kubeconfig {})", url, kubeconfig);
        return new SimulatedCluster(server, requestThreads, controllers, kubeconfig, temporary, url, stopped, faults,
                clusterUid);
    }

    /** Path of the kubeconfig file whose current context is {@code iepmp-practice}. */
    @Override
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** The context name in the kubeconfig. */
    @Override
    public String context() {
        return KubeconfigFile.CONTEXT;
    }

    /** The API server URL, e.g. {@code https://127.0.0.1:40123}. */
    @Override
    public String url() {
        return url;
    }

    /** The uid of the kube-system namespace, the cluster identity history rows carry. */
    @Override
    public String clusterUid() {
        return clusterUid;
    }

    /** Scripts an API failure (error status or delay) for the next matching requests. */
    @Override
    public void injectFault(ApiFault fault) {
        faults.add(fault);
    }

    /** Removes every scripted API failure not yet used up. */
    @Override
    public void clearFaults() {
        faults.clear();
    }

    /** Stops the server, its controllers and open watches; deletes a temporary kubeconfig. Idempotent. */
    @Override
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        controllers.stop();
        server.stop(0);
        requestThreads.shutdownNow();
        if (temporaryKubeconfig) {
            try {
                Files.deleteIfExists(kubeconfig);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        LOG.info("Practice cluster on {} stopped", url);
    }

    @Override
    public void close() {
        stop();
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
