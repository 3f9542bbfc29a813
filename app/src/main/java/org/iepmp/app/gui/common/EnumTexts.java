package org.iepmp.app.gui.common;

import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.Transport;

/** Localized names of the catalog's enums, in one place so every view says them the same way. */
public final class EnumTexts {

    private final UiTexts texts;

    public EnumTexts(UiTexts texts) {
        this.texts = texts;
    }

    public String origin(Origin origin) {
        return switch (origin) {
            case VENDOR -> texts.get("app.origin.vendor");
            case CUSTOMER -> texts.get("app.origin.customer");
            case OPEN_SOURCE -> texts.get("app.origin.openSource");
        };
    }

    public String type(RepositoryType type) {
        return switch (type) {
            case GLASSKUBE -> texts.get("app.repositoryType.glasskube");
            case HELM -> texts.get("app.repositoryType.helm");
            case OCI -> texts.get("app.repositoryType.oci");
        };
    }

    public String transport(Transport transport) {
        return switch (transport) {
            case HTTP -> texts.get("app.transport.http");
            case DIR -> texts.get("app.transport.dir");
            case GIT -> texts.get("app.transport.git");
        };
    }

    public String auth(AuthMethod auth) {
        return switch (auth) {
            case NONE -> texts.get("app.auth.none");
            case BASIC -> texts.get("app.auth.basic");
            case BEARER -> texts.get("app.auth.bearer");
        };
    }
}
