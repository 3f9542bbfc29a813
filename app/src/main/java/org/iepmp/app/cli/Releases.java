package org.iepmp.app.cli;

import java.util.List;
import org.iepmp.app.engine.InstalledReleases;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;

/**
 * Finds the installed package a command names — a Helm release or a plain-manifest package, as the engine's inventory lists
 * them — by release name, in the given namespace or the only one that has it.
 */
final class Releases {

    private Releases() {
    }

    static ReleaseInfo find(CliSession session, String release, String namespace) {
        List<ReleaseInfo> found = all(session, release, namespace);
        if (found.isEmpty() && namespace == null) {
            throw CliException.failure("cli.op.notInstalled", "cli.op.notInstalled.hint", release);
        }
        if (found.isEmpty()) {
            throw new LifecycleException(LifecycleErrorCode.RELEASE_NOT_INSTALLED, release + " is not installed", release,
                    namespace);
        }
        if (found.size() > 1) {
            throw CliException.usage("cli.op.severalReleases", "cli.op.severalReleases.hint", release,
                    String.join(", ", found.stream().map(ReleaseInfo::namespace).toList()));
        }
        return found.get(0);
    }

    /** Every installed package of that release name (in that namespace when given). */
    static List<ReleaseInfo> all(CliSession session, String release, String namespace) {
        return session.engine().engine().installedAs(release, namespace).stream().map(InstalledReleases::asRelease).toList();
    }
}
