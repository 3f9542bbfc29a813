package org.iepmp.practice.api;

/** How a scripted container misbehaves in the practice cluster. */
public enum FailureMode {
    /** The image cannot be pulled: ErrImagePull, then ImagePullBackOff. */
    IMAGE_PULL,
    /** The container starts and exits with an error again and again: CrashLoopBackOff with a growing restart count. */
    CRASH_LOOP,
    /** The pod cannot be scheduled: PodScheduled=False, reason Unschedulable, insufficient cpu/memory. */
    PENDING
}
