package org.iepmp.lifecycle.support;

import java.util.Objects;
import java.util.UUID;

/**
 * This console instance: OS user, host name, process id, and a random session id that tells
 * apart two store or lock instances within one process.
 */
public record ProcessIdentity(String user, String host, long pid, String session) {

    public ProcessIdentity {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(session, "session");
    }

    public static ProcessIdentity current() {
        return new ProcessIdentity(System.getProperty("user.name", "unknown"), hostName(), ProcessHandle.current().pid(),
                UUID.randomUUID().toString());
    }

    /** {@code user@host:pid/session}, unique per instance. */
    public String holderIdentity() {
        return user + "@" + host + ":" + pid + "/" + session;
    }

    /** Whether another process with this pid is alive on this host (pid reuse aside). */
    public boolean isOtherLiveProcess(String otherHost, Long otherPid) {
        if (otherPid == null || !host.equals(otherHost) || otherPid == pid) {
            return false;
        }
        return ProcessHandle.of(otherPid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String hostName() {
        // Not InetAddress.getLocalHost(): it can block on a misconfigured resolver (no network on the shop floor).
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        try {
            String fromFile = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
            if (!fromFile.isEmpty()) {
                return fromFile;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall through
        }
        return "localhost";
    }
}
