package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.assertNoErrors;
import static io.github.wcf4j.config.ConfigFixture.assertOneError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sections whose content lives in another file ({@code <bindings configSource="bindings.config"/>}), read with
 * System.Configuration's rules and texts; problems inside such a file are reported at its own line.
 */
class ConfigSourceTest {
    private static final String CLIENT = "<client><endpoint address=\"http://localhost/s\" binding=\"basicHttpBinding\""
            + " bindingConfiguration=\"b\" contract=\"IS\"/></client>";

    @TempDir
    Path dir;

    private Path write(String name, String xml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    /** Writes {@code app.config} with {@code sections} on line 3 and reads it. */
    private ConfigReadResult app(String sections) throws IOException {
        return ConfigFixture.READER.read(write("app.config",
                "<configuration>\n<system.serviceModel>\n" + sections + "\n</system.serviceModel>\n</configuration>"));
    }

    @Test
    void sectionsAreReadFromTheFilesTheyName() throws IOException {
        write("bindings.config", "<?xml version=\"1.0\"?>\n<bindings>\n<basicHttpBinding>\n"
                + "<binding name=\"b\" maxReceivedMessageSize=\"1000\" maxBufferSize=\"1000\"/>\n"
                + "</basicHttpBinding>\n</bindings>");
        write("client.config", CLIENT);
        ConfigReadResult r = app("<bindings configSource=\"bindings.config\"/>\n<client configSource=\"client.config\"/>");
        assertNoErrors(r);
        ServiceModelConfiguration c = r.configuration().orElseThrow();
        assertEquals(1000, ((BasicHttpBinding) c.clientEndpoint("").orElseThrow().binding()).http()
                .maxReceivedMessageSize());
    }

    @Test
    void aPrefixDeclaredOnTheFilesSectionReachesItsHeaders() throws IOException {
        write("client.config", "<client xmlns:t=\"urn:t\"><endpoint address=\"http://localhost/s\""
                + " binding=\"basicHttpBinding\" contract=\"IS\"><headers><t:A/></headers></endpoint></client>");
        ConfigReadResult r = app("<client configSource=\"client.config\"/>");
        assertNoErrors(r);
        assertEquals("<t:A xmlns:t=\"urn:t\"/>",
                r.configuration().orElseThrow().clientEndpoints().get(0).headers().get(0).xml());
    }

    @Test
    void aFileInASubfolderIsNamedWithBackslashes() throws IOException {
        write("Config/services.config", "<services><service name=\"S\"><endpoint address=\"\""
                + " binding=\"basicHttpBinding\" contract=\"IS\"/></service></services>");
        ConfigReadResult r = app("<services configSource=\"Config\\services.config\"/>");
        assertNoErrors(r);
        assertEquals("S", r.configuration().orElseThrow().services().get(0).name());
    }

    @Test
    void problemsInsideTheFileAreReportedAtItsOwnLines() throws IOException {
        write("bindings.config", "<bindings>\n<customBinding>\n<binding name=\"b\">\n<reliableSession ordered=\"maybe\"/>"
                + "\n<httpTransport/>\n</binding>\n</customBinding>\n</bindings>");
        ConfigReadResult r = app("<client>\n<endpoint address=\"http://localhost/s\" binding=\"basicHttpBinding\""
                + " contract=\"IS\" behaviorConfiguration=\"none\"/>\n</client>\n"
                + "<bindings configSource=\"bindings.config\"/>");
        assertEquals(2, r.errors().size(), r.errors()::toString);
        Diagnostic main = r.errors().get(0);
        assertEquals("There is no endpoint behavior named 'none'.", main.message());
        assertEquals(4, main.location().line());
        Diagnostic inFile = r.errors().get(1);
        assertEquals("The value of the property 'ordered' cannot be parsed. The error is: maybe is not a valid value for"
                + " Boolean.", inFile.message());
        assertEquals(dir.resolve("bindings.config").toString(), inFile.location().source());
        assertEquals(4, inFile.location().line());
    }

    @Test
    void aMissingFileIsReportedAtTheSection() throws IOException {
        Diagnostic d = assertOneError(app("<client/>\n<bindings configSource=\"missing.config\"/>"),
                "Unable to open configSource file 'missing.config'.", 4);
        assertTrue(d.location().source().endsWith("app.config"));
    }

    @Test
    void theFilesRootMustBeTheSection() throws IOException {
        write("bindings.config", "<?xml version=\"1.0\"?>\n<client/>");
        Diagnostic d = assertOneError(app("<bindings configSource=\"bindings.config\"/>"),
                "The format of a configSource file must be an element containing the name of the section.", 2);
        assertTrue(d.location().source().endsWith("bindings.config"));
    }

    @Test
    void aMalformedFileIsReportedAtItsOwnLine() throws IOException {
        write("bindings.config", "<bindings>\n<basicHttpBinding>\n</bindings>");
        Diagnostic d = onlyError(app("<bindings configSource=\"bindings.config\"/>"));
        assertTrue(d.message().startsWith("The configuration file is not well-formed XML: "), d::toString);
        assertEquals(3, d.location().line());
        assertTrue(d.location().source().endsWith("bindings.config"));
    }

    private static Diagnostic onlyError(ConfigReadResult result) {
        assertEquals(1, result.errors().size(), result.errors()::toString);
        return result.errors().get(0);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
        "'sub/b.config'|The configSource attribute must be a relative physical path, so the '/' character is not allowed.",
        "' b.config'|The configSource attribute must be a relative physical path.",
        "''|The configSource attribute must be a relative physical path.",
        "'C:\\b.config'|The configSource attribute must be a relative physical path.",
        "'\\b.config'|The configSource attribute must be a relative physical path.",
        "'..\\b.config'|The configSource attribute is invalid.: The configSource '..\\b.config' is invalid. It must refer"
                + " to a file in the same directory or in a subdirectory as the configuration file.",
    })
    void theFileMustBeARelativePathInTheConfigurationsFolder(String configSource, String message) throws IOException {
        write("b.config", "<bindings/>");
        assertOneError(app("<bindings configSource=\"" + configSource + "\"/>"), message, 3);
    }

    @Test
    void aSectionWithConfigSourceHasNothingElse() throws IOException {
        write("b.config", "<bindings/>");
        assertOneError(app("<bindings configSource=\"b.config\">\n<!-- a comment is fine -->\n<basicHttpBinding/>\n"
                + "</bindings>"), "A section using 'configSource' may contain no other attributes or elements.", 3);
    }

    @Test
    void aFileServesOneSectionOnlyAndIsNotTheConfigurationFile() throws IOException {
        write("shared.config", "<client/>");
        assertOneError(app("<client configSource=\"shared.config\"/>\n<services configSource=\"shared.config\"/>"),
                "The configSource file 'shared.config' can only be used by one type of section, and may not be the same"
                        + " as the configuration file.", 4);
        assertOneError(app("<client configSource=\"app.config\"/>"), "The configSource file 'app.config' can only be"
                + " used by one type of section, and may not be the same as the configuration file.", 3);
    }

    @Test
    void theFileCannotPointFurther() throws IOException {
        write("client.config", "<client configSource=\"other.config\"/>");
        Diagnostic d = assertOneError(app("<client configSource=\"client.config\"/>"),
                "Unrecognized attribute 'configSource'. Note that attribute names are case-sensitive.", 1);
        assertTrue(d.location().source().endsWith("client.config"));
    }

    @Test
    void aConfigurationReadFromTextCannotUseConfigSource() {
        assertOneError(ConfigFixture.serviceModel("<bindings configSource=\"bindings.config\"/>"),
                "The 'configSource' property may not be set in a configuration that has no associated file.", 3);
    }
}
