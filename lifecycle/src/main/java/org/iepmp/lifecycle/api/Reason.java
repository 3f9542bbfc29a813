package org.iepmp.lifecycle.api;

import java.util.Optional;

/** Why an operation was run: free text, and a ticket reference when there is one. */
public record Reason(String text, String ticket) {

    public static final Reason NONE = new Reason("", null);

    public Reason {
        text = text == null ? "" : text.strip();
        ticket = ticket == null || ticket.isBlank() ? null : ticket.strip();
    }

    public Optional<String> ticketReference() {
        return Optional.ofNullable(ticket);
    }
}
