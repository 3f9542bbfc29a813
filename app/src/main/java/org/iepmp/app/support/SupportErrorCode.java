package org.iepmp.app.support;

import org.iepmp.errors.ErrorCode;

/** Why a remote-support session cannot start or stopped, with literal bundle keys. */
public enum SupportErrorCode implements ErrorCode {
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

    @Override
    public String domain() {
        return "support";
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public String hintKey() {
        return hintKey;
    }
}
