package org.iepmp.app.task;

/** Given to running work: report progress, and check whether the user asked to stop. */
public interface TaskContext {

    /** Progress from 0 to 1, or a negative value for "working, length unknown". */
    void progress(double fraction);

    /** A short, already localized line describing the current step. */
    void message(String text);

    boolean isCancelled();
}
