package org.iepmp.support.api;

import org.iepmp.errors.ErrorCode;

/**
 * Why a remote-support session cannot start or stopped. The words of each code are under
 * {@code support.error.<name>} and its {@code .hint} (see {@link ErrorCode}).
 */
public enum SupportErrorCode implements ErrorCode {
    NO_VNC_SERVER,
    NO_TAILNET_ADDRESS,
    NO_DISPLAY,
    ALREADY_ACTIVE,
    START_FAILED;

    @Override
    public String domain() {
        return "support";
    }
}
