package org.iepmp.support.api;

import java.io.IOException;

/** Makes a support bundle in which every text has passed redaction. */
public interface SupportBundles {

    SupportBundle build(BundleContent content) throws IOException;
}
