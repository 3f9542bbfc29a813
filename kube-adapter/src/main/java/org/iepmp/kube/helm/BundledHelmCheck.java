package org.iepmp.kube.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.jni.NativeLibrary;
import java.util.ServiceLoader;
import org.iepmp.kube.api.NativeHelmCheck;

/** Looks for the bundled native library the way the Helm SDK does (a service), then asks it for Helm's version. */
public final class BundledHelmCheck implements NativeHelmCheck {

    @Override
    public String helmVersion() {
        if (ServiceLoader.load(NativeLibrary.class).findFirst().isEmpty()) {
            throw new IllegalStateException("no native Helm library for " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + " in this installation");
        }
        return Helm.version().call().trim();
    }
}
