package org.iepmp.support.api;

/** Asks the local tailnet daemon how this device is connected; never throws for a missing or stopped daemon. */
public interface TailnetProbe {

    TailnetStatus status();
}
