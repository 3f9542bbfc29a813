package org.iepmp.lifecycle.api;

/** How a value or a resource differs between the installed and the planned state. */
public enum ChangeKind {
    ADDED,
    REMOVED,
    CHANGED
}
