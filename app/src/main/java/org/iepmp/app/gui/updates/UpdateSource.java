package org.iepmp.app.gui.updates;

import java.util.List;
import org.iepmp.lifecycle.api.UpdateInfo;

/**
 * The installed releases of the connected cluster compared with the catalog
 * ({@code ReleaseQueries.checkUpdates()} of the cluster's engine session). Slow: called in the background.
 */
@FunctionalInterface
public interface UpdateSource {

    List<UpdateInfo> checkUpdates();
}
