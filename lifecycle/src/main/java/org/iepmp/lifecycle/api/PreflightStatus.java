package org.iepmp.lifecycle.api;

/** FAIL blocks the operation; WARN asks the user; PASS says nothing. */
public enum PreflightStatus {
    PASS,
    WARN,
    FAIL
}
