package org.iepmp.support.api;

/** Why a remote-support session cannot start or stopped, with literal bundle keys. */
public enum SupportErrorCode {
    NO_VNC_SERVER("support.error.noVncServer", "support.error.noVncServer.hint"),
    NO_TAILNET_ADDRESS("support.error.noTailnetAddress", "support.error.noTailnetAddress.hint"),
    NO_DISPLAY("support.error.noDisplay", "support.error.noDisplay.hint"),
    ALREADY_ACTIVE("support.error.alreadyActive", "support.error.alreadyActive.hint"),
    START_FAILED("support.error.startFailed", "support.error.startFailed.hint");

    private final String messageKey;
    private final String hintKey;

    SupportErrorCode(String messageKey, String hintKey) {
        this.messageKey = messageKey;
        this.hintKey = hintKey;
    }

    public String messageKey() {
        return messageKey;
    }

    public String hintKey() {
        return hintKey;
    }
}
