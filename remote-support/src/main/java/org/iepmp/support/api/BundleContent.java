package org.iepmp.support.api;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.lifecycle.api.OperationRecord;

/**
 * What goes into a support bundle, before redaction.
 *
 * @param knownSecrets passwords and tokens the console knows of, removed wherever they appear
 * @param podLogs the chosen package's pod logs (pod name → last lines); empty when no package was chosen
 */
public record BundleContent(Collection<String> knownSecrets, String appVersion, String settings,
                            List<BundleRepository> repositories, List<OperationRecord> history,
                            Optional<BundleCluster> cluster, List<BundleRelease> releases,
                            Map<String, List<String>> podLogs, Path logDir, Instant now) {

    public BundleContent {
        knownSecrets = List.copyOf(knownSecrets.stream().filter(s -> s != null).toList());
        repositories = List.copyOf(repositories);
        history = List.copyOf(history);
        releases = List.copyOf(releases);
        podLogs = Map.copyOf(podLogs);
    }
}
