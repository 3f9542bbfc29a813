package org.iepmp.kube.api;

/** A running log follow; closing it stops the stream (idempotent). */
public interface LogFollow extends AutoCloseable {

    boolean active();

    @Override
    void close();
}
