package org.iepmp.app.gui.updates;

import java.util.List;
import org.iepmp.lifecycle.api.UpdateInfo;

/**
 * Starts the guided update wizard (issue 7) for updates chosen in the Updates list. Called on the
 * FX thread; several updates mean one wizard run, which orders them by dependency.
 */
public interface UpdateLauncher {

    /** False while this build has no update wizard: the Update buttons stay disabled and the view says why. */
    boolean available();

    void launch(List<UpdateInfo> updates);

    /** What the composition wires until the wizard exists: nothing can be launched, and the view says so. */
    static UpdateLauncher wizardNotAvailable() {
        return new UpdateLauncher() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public void launch(List<UpdateInfo> updates) {
                throw new IllegalStateException("the update wizard is not part of this build");
            }
        };
    }
}
