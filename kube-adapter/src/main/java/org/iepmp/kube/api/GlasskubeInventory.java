package org.iepmp.kube.api;

import java.util.List;

/** Whether Glasskube's CRDs ({@code packages.glasskube.dev}) are installed, and the packages it manages. */
public record GlasskubeInventory(boolean clusterPackageCrd, boolean packageCrd, List<GlasskubePackage> packages) {

    public GlasskubeInventory {
        packages = List.copyOf(packages);
    }

    public boolean installed() {
        return clusterPackageCrd || packageCrd;
    }
}
