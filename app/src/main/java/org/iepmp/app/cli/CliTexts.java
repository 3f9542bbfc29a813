package org.iepmp.app.cli;

import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.Transport;
import org.iepmp.i18n.api.Messages;
import org.iepmp.kube.api.HealthReason;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.PreflightStatus;

/** Localized names of the enums the commands print; the window says them with the same keys. */
final class CliTexts {

    private final Messages messages;

    CliTexts(Messages messages) {
        this.messages = messages;
    }

    String origin(Origin origin) {
        return switch (origin) {
            case VENDOR -> messages.get("app.origin.vendor");
            case CUSTOMER -> messages.get("app.origin.customer");
            case OPEN_SOURCE -> messages.get("app.origin.openSource");
        };
    }

    String type(RepositoryType type) {
        return switch (type) {
            case GLASSKUBE -> messages.get("app.repositoryType.glasskube");
            case HELM -> messages.get("app.repositoryType.helm");
            case OCI -> messages.get("app.repositoryType.oci");
        };
    }

    String transport(Transport transport) {
        return switch (transport) {
            case HTTP -> messages.get("app.transport.http");
            case DIR -> messages.get("app.transport.dir");
            case GIT -> messages.get("app.transport.git");
        };
    }

    String auth(AuthMethod auth) {
        return switch (auth) {
            case NONE -> messages.get("app.auth.none");
            case BASIC -> messages.get("app.auth.basic");
            case BEARER -> messages.get("app.auth.bearer");
        };
    }

    String state(RepositoryStatus.State state) {
        return switch (state) {
            case FRESH -> messages.get("cli.repo.state.fresh");
            case CACHED -> messages.get("cli.repo.state.cached");
            case FAILED -> messages.get("cli.repo.state.failed");
        };
    }

    String action(OperationAction action) {
        return switch (action) {
            case INSTALL -> messages.get("app.history.action.install");
            case UPGRADE -> messages.get("app.history.action.upgrade");
            case ROLLBACK -> messages.get("app.history.action.rollback");
            case UNINSTALL -> messages.get("app.history.action.uninstall");
            case CONFIGURE -> messages.get("app.history.action.configure");
            case REPAIR -> messages.get("app.history.action.repair");
            case AUDIT -> messages.get("app.history.action.audit");
        };
    }

    String outcome(OperationOutcome outcome) {
        return switch (outcome) {
            case RUNNING -> messages.get("app.history.outcome.running");
            case SUCCEEDED -> messages.get("app.history.outcome.succeeded");
            case FAILED -> messages.get("app.history.outcome.failed");
            case ROLLED_BACK -> messages.get("app.history.outcome.rolledBack");
            case INTERRUPTED -> messages.get("app.history.outcome.interrupted");
            case CANCELLED -> messages.get("app.history.outcome.cancelled");
        };
    }

    String check(PreflightStatus status) {
        return switch (status) {
            case PASS -> messages.get("cli.check.pass");
            case WARN -> messages.get("cli.check.warn");
            case FAIL -> messages.get("cli.check.fail");
        };
    }

    /** {@link #check} padded to the widest of the three, so the sentences after it line up. */
    String checkColumn(PreflightStatus status) {
        int widest = 0;
        for (PreflightStatus each : PreflightStatus.values()) {
            widest = Math.max(widest, Printer.width(check(each)));
        }
        String text = check(status);
        return text + " ".repeat(widest - Printer.width(text));
    }

    String severity(HealthReason.Severity severity) {
        return switch (severity) {
            case OK -> messages.get("cli.health.ok");
            case PROGRESSING -> messages.get("cli.health.progressing");
            case FAILING -> messages.get("cli.health.failing");
        };
    }
}
