package org.iepmp.app.gui.common;

/** Where the cluster connection stands, as the status bar and the Cluster view show it. */
public enum ConnectionState {
    NOT_CONNECTED("shell.cluster.state.notConnected"),
    SEARCHING("shell.cluster.state.searching"),
    CONNECTING("shell.cluster.state.connecting"),
    CONNECTED("shell.cluster.state.connected"),
    FAILED("shell.cluster.state.failed");

    private final String labelKey;

    ConnectionState(String labelKey) {
        this.labelKey = labelKey;
    }

    public String labelKey() {
        return labelKey;
    }
}
