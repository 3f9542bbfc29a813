package org.iepmp.app.gui.installed;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.engine.LocalStorageConnection;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.kube.api.ClusterConnection;
import org.iepmp.kube.api.ClusterDrivers;
import org.iepmp.kube.api.HelmDriver;
import org.iepmp.kube.api.PodLogs;
import org.iepmp.kube.api.ReleaseHealthReader;
import org.iepmp.lifecycle.LifecycleFactory;
import org.iepmp.lifecycle.api.ClusterLifecycle;
import org.iepmp.lifecycle.api.EngineSettings;

/**
 * An engine session over scripted drivers: the Helm list, health and pod logs answer as the test
 * says; anything else the view model should not call fails.
 */
final class StubSession implements AutoCloseable {

    private final LocalStorageConnection storage;
    private final EngineSession session;

    StubSession(Path dataDir, Catalog catalog, HelmDriver helm, ReleaseHealthReader health, PodLogs logs) {
        this.storage = new LocalStorageConnection(dataDir, Clock.systemUTC());
        // No plain-manifest package on this cluster: the inventory lists Helm releases only.
        org.iepmp.kube.api.ManifestDriver manifests = stub(org.iepmp.kube.api.ManifestDriver.class,
                Map.of("list", args -> java.util.List.of()));
        ClusterDrivers drivers = stub(ClusterDrivers.class, Map.of("helm", args -> helm, "health", args -> health,
                "logs", args -> logs, "manifests", args -> manifests, "close", args -> null));
        ClusterConnection connection = stub(ClusterConnection.class, Map.of("close", args -> null));
        ClusterLifecycle engine = new LifecycleFactory(Clock.systemUTC(), EngineSettings.defaults())
                .engine(catalog, "cluster-1", connection, drivers, storage.storage());
        this.session = new EngineSession("cluster-1", connection, drivers, engine);
    }

    EngineSession session() {
        return session;
    }

    /** A proxy answering the named methods; every other call fails the test. */
    static <T> T stub(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(args);
            }
            if (method.getName().equals("toString")) {
                return type.getSimpleName() + " stub";
            }
            if (method.getReturnType().isInterface() && method.getParameterCount() == 0) {
                // A part the engine takes at construction: it fails only when used.
                return stub(method.getReturnType(), Map.of());
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " not scripted");
        }));
    }

    static HelmDriver helmListing(Function<Object[], Object> list) {
        return stub(HelmDriver.class, Map.of("list", list));
    }

    @Override
    public void close() {
        storage.close();
    }
}
