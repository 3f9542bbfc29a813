package org.iepmp.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iepmp.lifecycle.api.ExportFormat;
import org.iepmp.lifecycle.api.HistoryFilter;
import org.iepmp.lifecycle.api.HistoryPage;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code iepmp history}: the operations recorded on this computer, newest first; {@code --export} writes them for an audit. */
@Command(name = "history")
final class HistoryCommand extends CliCommand {

    private static final Pattern RELATIVE = Pattern.compile("(\\d+)([mhdw])");

    @Option(names = "--package", paramLabel = "PACKAGE", descriptionKey = "cli.history.option.package")
    String packageName;
    @Option(names = "--since", paramLabel = "WHEN", descriptionKey = "cli.history.option.since")
    String since;
    @Option(names = "--outcome", paramLabel = "OUTCOME", split = ",", converter = OutcomeConverter.class,
            descriptionKey = "cli.history.option.outcome")
    List<OperationOutcome> outcomes = new ArrayList<>();
    @Option(names = "--export", arity = "2", paramLabel = "FORMAT FILE", descriptionKey = "cli.history.option.export")
    List<String> export = new ArrayList<>();
    @Option(names = "--limit", paramLabel = "N", descriptionKey = "cli.history.option.limit")
    int limit = 50;

    /** {@code succeeded}, {@code failed}, {@code rolled-back}, {@code interrupted}, {@code cancelled}, {@code running}. */
    static final class OutcomeConverter implements ITypeConverter<OperationOutcome> {
        @Override
        public OperationOutcome convert(String value) {
            return OperationOutcome.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    @Override
    protected int run(CliSession session) throws IOException {
        HistoryFilter filter = HistoryFilter.ALL.withPackage(packageName)
                .withOutcomes(outcomes.isEmpty() ? Set.of() : EnumSet.copyOf(outcomes));
        if (since != null) {
            filter = filter.between(parseSince(since, session.environment().clock().instant()), null);
        }
        HistoryStore history = session.local().storage().history();
        Printer printer = session.printer();
        if (!export.isEmpty()) {
            ExportFormat format = switch (export.get(0).toLowerCase(Locale.ROOT)) {
                case "csv" -> ExportFormat.CSV;
                case "json" -> ExportFormat.JSON;
                default -> throw CliException.usage("cli.history.invalidFormat", "cli.history.invalidFormat.hint", export.get(0));
            };
            Path target = Path.of(export.get(1)).toAbsolutePath();
            write(history, filter, format, target);
            long count = history.count(filter);
            if (printer.json()) {
                printer.printJson(Printer.object("exported", count, "file", target.toString(),
                        "format", format.name().toLowerCase(Locale.ROOT)));
            } else {
                printer.say("cli.history.exported", count, target.toString());
            }
            return 0;
        }
        HistoryPage page = history.query(filter, null, Math.max(1, limit));
        if (printer.json()) {
            printer.printJson(page.rows().stream().map(HistoryCommand::json).toList());
            return 0;
        }
        if (page.rows().isEmpty()) {
            printer.say("cli.history.none");
            return 0;
        }
        var m = session.messages();
        CliTexts texts = new CliTexts(m);
        List<List<String>> rows = new ArrayList<>();
        for (OperationRecord r : page.rows()) {
            rows.add(List.of(Long.toString(r.id()), printer.dateTime(r.startedAt()), texts.action(r.action()), r.packageName(),
                    versions(r), r.namespace(), texts.outcome(r.outcome()), r.actor().technicianName().orElse(r.actor().osUser()),
                    r.reason().text() + r.reason().ticketReference().map(t -> " [" + t + "]").orElse("")));
        }
        printer.table(List.of(m.get("cli.column.id"), m.get("cli.column.when"), m.get("cli.column.action"), m.get("cli.column.package"),
                m.get("cli.column.versions"), m.get("cli.column.namespace"), m.get("cli.column.outcome"), m.get("cli.column.who"),
                m.get("cli.column.reason")), rows);
        if (page.total() > page.rows().size()) {
            printer.note("cli.history.more", page.rows().size(), page.total());
        }
        return 0;
    }

    private static String versions(OperationRecord r) {
        if (r.fromVersion() == null && r.toVersion() == null) {
            return "";
        }
        return (r.fromVersion() == null ? "-" : r.fromVersion()) + " → " + (r.toVersion() == null ? "-" : r.toVersion());
    }

    private static Object json(OperationRecord r) {
        return Printer.object("id", r.id(), "clusterId", r.clusterId(), "startedAt", r.startedAt(), "endedAt", r.endedAt(),
                "action", r.action().name().toLowerCase(Locale.ROOT), "package", r.packageName(), "release", r.releaseName(),
                "namespace", r.namespace(), "fromVersion", r.fromVersion(), "toVersion", r.toVersion(),
                "outcome", r.outcome().name().toLowerCase(Locale.ROOT), "errorCode", r.errorCode(),
                "osUser", r.actor().osUser(), "technician", r.actor().technician(), "reason", r.reason().text(),
                "ticket", r.reason().ticket(), "repository", r.sourceRepository());
    }

    /** Written beside the target and moved in place: an interrupted export never leaves half a file. */
    private static void write(HistoryStore history, HistoryFilter filter, ExportFormat format, Path target) throws IOException {
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw CliException.usage("cli.error.fileUnreadable", "cli.error.fileUnreadable.hint", target.toString());
        }
        Path temp = Files.createTempFile(dir, ".iepmp-export", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                history.export(filter, format, out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** An ISO date ({@code 2026-11-01}, local midnight), an ISO instant, or an age ({@code 30m}, {@code 24h}, {@code 7d}, {@code 2w}). */
    static Instant parseSince(String text, Instant now) {
        String value = text.trim();
        Matcher relative = RELATIVE.matcher(value);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration unit = switch (relative.group(2)) {
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            return now.minus(unit.multipliedBy(amount));
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                throw CliException.usage("cli.history.invalidSince", "cli.history.invalidSince.hint", text);
            }
        }
    }
}
