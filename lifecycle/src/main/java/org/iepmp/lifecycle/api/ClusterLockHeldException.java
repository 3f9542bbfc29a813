package org.iepmp.lifecycle.api;

import java.util.Date;

/** Another console instance holds the cluster: {@link #holder()} says who, where and since when. */
public class ClusterLockHeldException extends LifecycleException {

    private static final long serialVersionUID = 1L;

    private final transient LockHolder holder;

    public ClusterLockHeldException(String where, LockHolder holder) {
        super(LifecycleErrorCode.LOCK_HELD, "Cluster lock " + where + " is held by " + holder.holderIdentity() + " since " + holder.since(),
                holder.user(), holder.host(), holder.pid(), Date.from(holder.since()));
        this.holder = holder;
    }

    public LockHolder holder() {
        return holder;
    }
}
