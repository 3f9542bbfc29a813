package org.iepmp.lifecycle.api;

/** Audit export formats: CSV (RFC 4180, UTF-8) and JSON (an array of objects). */
public enum ExportFormat {
    CSV,
    JSON
}
