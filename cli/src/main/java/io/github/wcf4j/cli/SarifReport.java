package io.github.wcf4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wcf4j.config.Diagnostic;
import io.github.wcf4j.config.Severity;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code validate --format sarif}: the findings as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange
 * Format), the input of code-scanning tools. One run of the tool {@code wcf4j}; one result per finding at its file,
 * line and column. A finding that is one of WCF's own texts takes WCF's resource name as its rule
 * ({@code CannotFindCert}, {@code ConfigInvalidAttribute}, ...), any other its kind ({@code wcf4j.error},
 * {@code wcf4j.warning}); what WCF accepts but wcf4j cannot run is rule {@code wcf4j.unsupported} at level
 * {@code warning}, since the configuration itself is valid.
 */
final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String UNSUPPORTED_RULE = "wcf4j.unsupported";

    private SarifReport() {
    }

    static String of(List<Findings> all, String version) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode log = mapper.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "wcf4j");
        driver.put("version", version);
        driver.put("informationUri", "https://github.com/wcf4j/wcf4j");
        Map<String, ObjectNode> rules = new LinkedHashMap<>();
        ArrayNode results = run.putArray("results");
        for (Findings f : all) {
            for (Diagnostic d : f.diagnostics()) {
                String rule = rule(d);
                rules.computeIfAbsent(rule, r -> rule(mapper, r, d));
                ObjectNode result = results.addObject();
                result.put("ruleId", rule);
                result.put("level", level(d.severity()));
                result.putObject("message").put("text", d.message());
                ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
                physical.putObject("artifactLocation").put("uri", uri(d.location().source()));
                ObjectNode region = physical.putObject("region");
                region.put("startLine", Math.max(1, d.location().line()));
                region.put("startColumn", Math.max(1, d.location().column()));
            }
        }
        ArrayNode ruleArray = driver.putArray("rules");
        rules.values().forEach(ruleArray::add);
        return log.toPrettyString();
    }

    private static String rule(Diagnostic d) {
        if (d.severity() == Severity.UNSUPPORTED) {
            return UNSUPPORTED_RULE;
        }
        return d.key().map(Enum::name).orElse("wcf4j." + d.severity().label());
    }

    private static ObjectNode rule(ObjectMapper mapper, String id, Diagnostic d) {
        ObjectNode rule = mapper.createObjectNode();
        rule.put("id", id);
        rule.putObject("shortDescription").put("text", switch (d.severity()) {
            case UNSUPPORTED -> "WCF accepts it, wcf4j cannot run it";
            case ERROR -> d.key().isPresent() ? "WCF's error " + id : "An error WCF would report";
            case WARNING -> d.key().isPresent() ? "WCF's warning " + id : "A warning";
        });
        rule.putObject("defaultConfiguration").put("level", level(d.severity()));
        return rule;
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING, UNSUPPORTED -> "warning";
        };
    }

    /** A relative path as SARIF's {@code uri} (forward slashes), an absolute one as a {@code file:} URI. */
    private static String uri(String source) {
        Path p = Path.of(source);
        return p.isAbsolute() ? p.toUri().toString() : source.replace('\\', '/').replace(" ", "%20");
    }
}
