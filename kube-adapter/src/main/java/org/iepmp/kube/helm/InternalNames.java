package org.iepmp.kube.helm;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helm names the files it was handed by their paths: the chart archive in the content-addressed store and the
 * private workspace's values file and kubeconfig. To the user those are internal; the text they see names the
 * chart by its release and the workspace files by what they are. The log keeps Helm's text as it was.
 */
final class InternalNames {

    /** A content-addressed archive anywhere (its name is the digest of its bytes). */
    private static final Pattern ARCHIVE = Pattern.compile("(?:[^\\s\"':]*[/\\\\])?[0-9a-f]{64}\\.tgz");

    private final String chartArchive;
    private final String chartLabel;
    private final Pattern workspaceFile;

    private InternalNames(String chartArchive, String chartLabel, Pattern workspaceFile) {
        this.chartArchive = chartArchive;
        this.chartLabel = chartLabel;
        this.workspaceFile = workspaceFile;
    }

    /** For a call on no chart: only the workspace files are hidden. */
    static InternalNames of(Path workspaceParent) {
        return new InternalNames(null, "the chart", workspace(workspaceParent));
    }

    /** For a call on {@code chartArchive}, installed or rendered as release {@code releaseName}. */
    static InternalNames of(Path workspaceParent, Path chartArchive, String releaseName) {
        return new InternalNames(chartArchive.toAbsolutePath().toString(), "the chart of " + releaseName,
                workspace(workspaceParent));
    }

    private static Pattern workspace(Path parent) {
        return Pattern.compile(Pattern.quote(parent.toAbsolutePath().toString()) + "[/\\\\]" + PrivateWorkspace.PREFIX
                + "[^\\s\"':/\\\\]*(?:[/\\\\]([^\\s\"':]*))?");
    }

    /** {@code text} with every internal path replaced by what it stands for. */
    String hide(String text) {
        String shown = chartArchive == null ? text : text.replace(chartArchive, chartLabel);
        shown = ARCHIVE.matcher(shown).replaceAll(Matcher.quoteReplacement(chartLabel));
        Matcher files = workspaceFile.matcher(shown);
        return files.replaceAll(match -> Matcher.quoteReplacement(meaning(match.group(1))));
    }

    private static String meaning(String file) {
        if (file == null || file.isEmpty()) {
            return "a temporary folder";
        }
        return switch (file) {
            case "values.yaml" -> "the values";
            case "kubeconfig" -> "the cluster connection";
            default -> "a temporary file";
        };
    }
}
