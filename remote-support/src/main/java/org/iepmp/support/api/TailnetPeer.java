package org.iepmp.support.api;

import java.util.List;

/** Another device on the tailnet, as the Support view lists it. */
public record TailnetPeer(String hostName, String dnsName, List<String> addresses, boolean online,
                          List<String> tags, boolean vendorSupport) {

    public TailnetPeer {
        addresses = List.copyOf(addresses);
        tags = List.copyOf(tags);
    }
}
