package org.iepmp.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.iepmp.support.api.TailnetPeer;
import org.iepmp.support.api.TailnetStatus;

/**
 * Reads {@code tailscale status --json} (and the ControlURL of {@code tailscale debug prefs}).
 * Unknown fields are ignored and missing ones tolerated: the format changes between releases.
 */
public final class TailscaleStatusParser {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Predicate<TailnetPeer> isVendorSupport;

    /** @param supportTags tags (e.g. {@code tag:iepmp-support}) that mark the vendor's support devices */
    public TailscaleStatusParser(List<String> supportTags) {
        List<String> tags = supportTags.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        this.isVendorSupport = peer -> peer.tags().stream().anyMatch(t -> tags.contains(t.toLowerCase(Locale.ROOT)));
    }

    public TailnetStatus parse(String statusJson, Optional<String> prefsJson) {
        JsonNode root;
        try {
            root = mapper.readTree(statusJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tailscale status output is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("tailscale status output is not a JSON object");
        }
        TailnetStatus.State state = state(root.path("BackendState").asText(""));
        JsonNode self = root.path("Self");
        List<String> addresses = strings(root.path("TailscaleIPs"));
        if (addresses.isEmpty()) {
            addresses = strings(self.path("TailscaleIPs"));
        }
        String tailnet = root.path("CurrentTailnet").path("Name").asText(root.path("MagicDNSSuffix").asText(""));
        List<TailnetPeer> peers = new ArrayList<>();
        JsonNode peerMap = root.path("Peer");
        for (Iterator<JsonNode> it = peerMap.elements(); it.hasNext(); ) {
            peers.add(peer(it.next()));
        }
        peers.sort((a, b) -> a.hostName().compareToIgnoreCase(b.hostName()));
        return new TailnetStatus(state, prefsJson.flatMap(this::controlUrl), self.path("HostName").asText(""),
                trimDot(self.path("DNSName").asText("")), addresses, tailnet, peers, strings(root.path("Health")));
    }

    private TailnetPeer peer(JsonNode node) {
        TailnetPeer draft = new TailnetPeer(node.path("HostName").asText(""), trimDot(node.path("DNSName").asText("")),
                strings(node.path("TailscaleIPs")), node.path("Online").asBoolean(false), strings(node.path("Tags")), false);
        return new TailnetPeer(draft.hostName(), draft.dnsName(), draft.addresses(), draft.online(), draft.tags(),
                isVendorSupport.test(draft));
    }

    private Optional<String> controlUrl(String prefsJson) {
        try {
            String url = mapper.readTree(prefsJson).path("ControlURL").asText("");
            return url.isBlank() ? Optional.empty() : Optional.of(url);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static TailnetStatus.State state(String backendState) {
        return switch (backendState) {
            case "Running" -> TailnetStatus.State.RUNNING;
            case "NeedsLogin", "NeedsMachineAuth" -> TailnetStatus.State.NEEDS_LOGIN;
            case "Stopped" -> TailnetStatus.State.STOPPED;
            case "Starting", "NoState" -> TailnetStatus.State.STARTING;
            default -> TailnetStatus.State.UNKNOWN;
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> result.add(n.asText()));
        }
        return result;
    }

    private static String trimDot(String dnsName) {
        return dnsName.endsWith(".") ? dnsName.substring(0, dnsName.length() - 1) : dnsName;
    }
}
