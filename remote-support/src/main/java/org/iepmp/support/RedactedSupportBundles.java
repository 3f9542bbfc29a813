package org.iepmp.support;

import java.io.IOException;
import org.iepmp.support.api.BundleContent;
import org.iepmp.support.api.SupportBundle;
import org.iepmp.support.api.SupportBundles;

/** Support bundles by {@link SupportBundleBuilder}, redacting the secrets each content names. */
public final class RedactedSupportBundles implements SupportBundles {

    @Override
    public SupportBundle build(BundleContent c) throws IOException {
        return new SupportBundleBuilder(c.knownSecrets()).build(c.appVersion(), c.settings(), c.repositories(), c.history(),
                c.cluster(), c.releases(), c.podLogs(), c.logDir(), c.now());
    }
}
