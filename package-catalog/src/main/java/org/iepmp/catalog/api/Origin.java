package org.iepmp.catalog.api;

/** Who publishes a repository; shown to the technician beside every package. */
public enum Origin {
    VENDOR,
    CUSTOMER,
    OPEN_SOURCE
}
