package org.iepmp.catalog.api;

/** The kind of form field a value definition becomes. */
public enum ValueType {
    BOOLEAN,
    TEXT,
    NUMBER,
    OPTIONS
}
