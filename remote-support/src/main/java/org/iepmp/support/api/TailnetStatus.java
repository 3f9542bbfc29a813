package org.iepmp.support.api;

import java.util.List;
import java.util.Optional;

/**
 * What the local Tailscale daemon reports. {@code state} is NOT_INSTALLED when there is no
 * tailscale binary, so the rest of the Support view still works and can say what to install.
 */
public record TailnetStatus(
        State state,
        Optional<String> controlUrl,
        String hostName,
        String dnsName,
        List<String> addresses,
        String tailnetName,
        List<TailnetPeer> peers,
        List<String> health) {

    /** Tailscale's backend states, plus the two situations before any state is known. */
    public enum State {
        NOT_INSTALLED, DAEMON_NOT_RUNNING, NEEDS_LOGIN, STOPPED, STARTING, RUNNING, UNKNOWN
    }

    public TailnetStatus {
        addresses = List.copyOf(addresses);
        peers = List.copyOf(peers);
        health = List.copyOf(health);
    }

    public static TailnetStatus of(State state) {
        return new TailnetStatus(state, Optional.empty(), "", "", List.of(), "", List.of(), List.of());
    }

    public boolean connected() {
        return state == State.RUNNING;
    }

    /** This device's IPv4 tailnet address (100.64.0.0/10), the one the VNC server binds to. */
    public Optional<String> ipv4Address() {
        return addresses.stream().filter(a -> a.indexOf('.') > 0).findFirst();
    }

    public List<TailnetPeer> onlineSupportPeers() {
        return peers.stream().filter(TailnetPeer::vendorSupport).filter(TailnetPeer::online).toList();
    }
}
