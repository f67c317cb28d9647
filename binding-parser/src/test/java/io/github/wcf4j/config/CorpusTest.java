package io.github.wcf4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.stack.ContractCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the real-world corpus ({@code shared/wcf-configs}, classified in its {@code SOURCES.tsv}): well-formed
 * files that WCF loads validate without errors; {@code MALFORMED:} and {@code ERROR:} files give errors naming the problem
 * at its line.
 */
class CorpusTest {

    /** For each broken file: a text its first expected error contains, and that error's line. */
    private static final Map<String, Object[]> EXPECTED = Map.of(
            "dotnet__docs__samples__snippets__csharp__VS_Snippets_CFX__c_howto_createreliablesessionhttps__common__app.config",
            new Object[] {"Illegal processing instruction target (\"xml\")", 3},
            "dotnet__docs__samples__snippets__csharp__VS_Snippets_CFX__c_howto_createreliablesessionhttps__common__web.config",
            new Object[] {"Illegal processing instruction target (\"xml\")", 3},
            "dotnet__docs__samples__snippets__csharp__VS_Snippets_CFX__c_howto_usereliablesession__common__app.config",
            new Object[] {"Illegal processing instruction target (\"xml\")", 4},
            "dotnet__docs__samples__snippets__csharp__VS_Snippets_CFX__c_howto_usereliablesession__common__web.config",
            new Object[] {"Illegal processing instruction target (\"xml\")", 4},
            "mono__mono__mcs__class__System.ServiceModel__Test__config__customBinding.config",
            new Object[] {"TransportBindingElement 'HttpTransportBindingElement' does not appear last", 6},
            "mono__mono__mcs__class__System.ServiceModel__Test__config__wsHttpBinding.config",
            new Object[] {"does not have a configured binding named 'BasicHttpBinding_Service'", 26},
            "sunmeixia2005__WCF_Samples__Basic__Binding__WS__MessageSecurity__Username__CS__service__Web.config",
            new Object[] {"lacks a TransportBindingElement", 15});

    static Stream<Arguments> corpus() throws IOException {
        Path dir = ConfigFixture.corpus();
        List<Arguments> files = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("SOURCES.tsv"), StandardCharsets.UTF_8)) {
            String[] cols = line.split("\t", -1);
            if (cols[0].equals("filename")) {
                continue;
            }
            String suspect = cols.length > 6 ? cols[6] : "";
            files.add(Arguments.of(cols[0], suspect.isEmpty() ? "clean" : suspect.split("[: ]")[0], dir.resolve(cols[0])));
        }
        assertEquals(80, files.size(), "the corpus has 80 files");
        return files.stream();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("corpus")
    void readsLikeWcf(String name, String classification, Path file) {
        ConfigReadResult r = ConfigFixture.READER.read(file);
        List<Diagnostic> errors = new ArrayList<>(r.errors());
        errors.addAll(ConfigValidator.validate(r, ContractCatalog.EMPTY));
        errors.sort(Comparator.comparingInt(d -> d.location().line()));
        if (classification.equals("MALFORMED") || classification.equals("ERROR")) {
            assertFalse(errors.isEmpty(), name + " is broken and must give an error");
            Object[] expected = EXPECTED.get(name);
            assertTrue(expected != null, "no expectation recorded for broken file " + name);
            Diagnostic match = errors.stream().filter(d -> d.message().contains((String) expected[0])).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": expected an error containing '" + expected[0]
                            + "', got " + errors));
            assertEquals(expected[1], match.location().line(), name + ": " + match);
            assertTrue(match.location().source().endsWith(name));
        } else {
            assertTrue(errors.isEmpty(), name + " (" + classification + ") must validate without errors: " + errors);
            assertTrue(r.configuration().isPresent());
        }
    }
}
