package org.iepmp.lifecycle.api;

import java.util.Objects;
import java.util.Optional;

/** Who ran an operation: the OS account, and the technician's name when they gave one. */
public record Actor(String osUser, String technician) {

    public Actor {
        Objects.requireNonNull(osUser, "osUser");
        technician = technician == null || technician.isBlank() ? null : technician.strip();
    }

    public Optional<String> technicianName() {
        return Optional.ofNullable(technician);
    }
}
