package org.iepmp.app.gui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;

/**
 * English words from the project in a Chinese screen: the literal runs of two or more English words in
 * the English bundles (outside their placeholders) whose Chinese pattern does not carry the same run (a
 * product or technical name kept as is), plus the practice catalog's texts. A screen's text containing
 * one of them shows English that should have been translated.
 */
final class EnglishInChinese {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*(\\{[^{}]*\\}[^{}]*)*\\}");
    private static final Pattern WORD_RUN = Pattern.compile("[A-Za-z][a-z']+(?:[ -][A-Za-z][a-z']+)+");

    private final Set<String> fragments = new LinkedHashSet<>();

    EnglishInChinese(I18n i18n, Language chinese, List<String> projectTexts) {
        Map<String, String> english = i18n.rawPatterns(Language.ENGLISH);
        Map<String, String> translated = i18n.rawPatterns(chinese);
        english.forEach((key, pattern) -> {
            String own = translated.getOrDefault(key, "");
            Matcher runs = WORD_RUN.matcher(PLACEHOLDER.matcher(pattern).replaceAll("\u0000"));
            while (runs.find()) {
                if (!own.contains(runs.group())) {
                    fragments.add(runs.group());
                }
            }
        });
        for (String text : projectTexts) {
            Matcher runs = WORD_RUN.matcher(text);
            while (runs.find()) {
                fragments.add(runs.group());
            }
        }
    }

    /** The shown texts of {@code scene} that carry an English fragment, with the fragment. */
    List<String> problems(Scene scene) {
        List<String> problems = new ArrayList<>();
        walk(scene.getRoot(), problems);
        return problems;
    }

    private void walk(Node node, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        String shown = node instanceof Labeled labeled ? labeled.getText()
                : node instanceof Text text ? text.getText()
                : node instanceof TextInputControl input ? input.getText() : null;
        if (shown != null && !shown.isBlank()) {
            for (String fragment : fragments) {
                if (shown.contains(fragment)) {
                    problems.add("English \"" + fragment + "\" in \"" + shown.replace('\n', ' ') + "\" ("
                            + node.getClass().getSimpleName() + (node.getId() == null ? "" : " #" + node.getId()) + ")");
                    break;
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, problems);
            }
        }
    }
}
