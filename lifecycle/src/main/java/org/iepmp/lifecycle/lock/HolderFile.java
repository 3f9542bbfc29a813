package org.iepmp.lifecycle.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.iepmp.lifecycle.api.LockHolder;

/** The holder of a local lock as JSON beside the lock file: written atomically, read by whoever is refused. */
final class HolderFile {

    private final ObjectMapper json = new ObjectMapper();

    void write(Path file, LockHolder holder) throws IOException {
        ObjectNode node = json.createObjectNode()
                .put("clusterId", holder.clusterId())
                .put("holderIdentity", holder.holderIdentity())
                .put("user", holder.user())
                .put("host", holder.host())
                .put("pid", holder.pid())
                .put("since", holder.since().toString())
                .put("renewedAt", holder.renewedAt().toString())
                .put("ttlSeconds", holder.ttl().toSeconds());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Empty when missing or unreadable (a holder that crashed while writing it). */
    Optional<LockHolder> read(Path file) {
        try {
            JsonNode node = json.readTree(file.toFile());
            return Optional.of(new LockHolder(node.path("clusterId").asText(), node.path("holderIdentity").asText(),
                    node.path("user").asText("?"), node.path("host").asText("?"), node.path("pid").asLong(-1),
                    Instant.parse(node.path("since").asText()), Instant.parse(node.path("renewedAt").asText()),
                    Duration.ofSeconds(node.path("ttlSeconds").asLong())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
