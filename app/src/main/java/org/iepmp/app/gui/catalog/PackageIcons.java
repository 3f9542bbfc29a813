package org.iepmp.app.gui.catalog;

import java.util.function.Consumer;
import javafx.scene.image.Image;
import org.iepmp.catalog.api.CatalogPackage;

/** Where the catalog's cards get package icons; without one they show a letter badge. */
public interface PackageIcons {

    /** Never any icon (tests, and a window without a repository store). */
    PackageIcons NONE = (pkg, shown) -> { };

    /**
     * Asks for the icon of {@code pkg}. {@code shown} gets it on the FX thread when there is one (at once when it is
     * cached); it is never called when there is none. Never blocks the caller.
     */
    void request(CatalogPackage pkg, Consumer<Image> shown);
}
