package org.iepmp.kube.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iepmp.kube.api.GoTemplateCall;
import org.iepmp.kube.api.KubeErrorCode;
import org.iepmp.kube.api.KubeException;

/**
 * A throw-away chart that runs Go templates through Helm's engine: each call's template is
 * {@code define}d in a file of its own ({@code templates/_t<i>.tpl}, so Helm's error message names
 * the one that failed) and {@code include}d with its value as {@code .}; the outputs come back
 * base64-encoded in one YAML document, so any output (even text that is not YAML) survives the render.
 */
final class GoTemplateChart {

    static final String NAME = "iepmp-go-templates";
    private static final Pattern FAILED_FILE = Pattern.compile("templates/_t(\\d+)\\.tpl");
    private static final Pattern FAILED_DEFINE = Pattern.compile("\"iepmp\\.t(\\d+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private GoTemplateChart() {
    }

    /** Writes the chart under {@code dir}; the values file carries every value as a string. */
    static Path write(Path dir, List<GoTemplateCall> calls) throws IOException {
        Path chart = dir.resolve(NAME);
        Path templates = Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: " + NAME + "\nversion: 0.0.0\ntype: application\n",
                StandardCharsets.UTF_8);
        Map<String, String> values = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder("results:\n");
        for (int i = 0; i < calls.size(); i++) {
            Files.writeString(templates.resolve("_t" + i + ".tpl"),
                    "{{- define \"iepmp.t" + i + "\" -}}" + calls.get(i).template() + "{{- end -}}", StandardCharsets.UTF_8);
            values.put("v" + i, calls.get(i).dot());
            out.append("  - {{ include \"iepmp.t").append(i).append("\" .Values.v").append(i).append(" | b64enc | quote }}\n");
        }
        Files.writeString(templates.resolve("out.yaml"), out.toString(), StandardCharsets.UTF_8);
        // JSON is YAML: every value stays a string, whatever it looks like ("2", "true", "null").
        Files.writeString(chart.resolve("values.yaml"), JSON.writeValueAsString(values), StandardCharsets.UTF_8);
        return chart;
    }

    /** The outputs, in call order, from what {@code helm template} printed. */
    static List<String> outputs(String rendered, int count) {
        try {
            JsonNode results = YAML.readTree(rendered).path("results");
            List<String> outputs = new ArrayList<>();
            results.forEach(node -> outputs.add(new String(Base64.getDecoder().decode(node.asText()), StandardCharsets.UTF_8)));
            if (outputs.size() != count) {
                throw new IllegalStateException(outputs.size() + " outputs for " + count + " templates");
            }
            return outputs;
        } catch (IOException | RuntimeException e) {
            throw new KubeException(KubeErrorCode.INTERNAL, "unexpected output of the template render", e, "", e.getMessage());
        }
    }

    /** Whether Helm itself could not run (its native library), as opposed to a template failing in it. */
    static boolean nativeLibraryMissing(IllegalStateException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("Unable to load native library") || message.startsWith("No NativeLibrary");
    }

    /** The failure as a typed error naming the template that failed, when Helm's message says which. */
    static KubeException failure(Exception e) {
        String message = String.valueOf(e.getMessage());
        int index = -1;
        Matcher file = FAILED_FILE.matcher(message);
        Matcher define = FAILED_DEFINE.matcher(message);
        if (file.find()) {
            index = Integer.parseInt(file.group(1));
        } else if (define.find()) {
            index = Integer.parseInt(define.group(1));
        }
        String detail = message.replace(NAME + "/templates/", "").replace("iepmp.t", "t");
        return new KubeException(KubeErrorCode.TEMPLATE_FAILED, "value template failed: " + detail, e, index, detail);
    }
}
