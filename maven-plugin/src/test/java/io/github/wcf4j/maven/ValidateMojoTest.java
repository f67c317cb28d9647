package io.github.wcf4j.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wcf4j:validate} on real files: a valid configuration passes, WCF's errors fail the build at their
 * {@code file:line:col}, what wcf4j cannot run fails it only when asked, and the generated plugin descriptor declares
 * the goal in the validate phase.
 */
class ValidateMojoTest {
    private static final String VALID = """
            <configuration><system.serviceModel><bindings><customBinding><binding name="b">
              <reliableSession/><textMessageEncoding/><httpTransport/></binding></customBinding></bindings>
              <client><endpoint address="http://localhost:8080/c" binding="customBinding" bindingConfiguration="b"
                contract="IContract"/></client>
            </system.serviceModel></configuration>
            """;

    @TempDir
    Path dir;

    /** Collects what the plugin logs. */
    static final class Recorded extends SystemStreamLog {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final List<String> infos = new ArrayList<>();

        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
        }

        @Override
        public void info(CharSequence content) {
            infos.add(content.toString());
        }
    }

    private ValidateMojo mojo(Recorded log, String... files) {
        ValidateMojo m = new ValidateMojo();
        m.setLog(log);
        m.basedir = dir.toFile();
        for (String f : files) {
            m.configFiles.add(new File(f));
        }
        return m;
    }

    @Test
    void aValidConfigurationPasses() throws IOException {
        Files.writeString(dir.resolve("App.config"), VALID);
        Recorded log = new Recorded();
        assertDoesNotThrow(() -> mojo(log, "App.config").execute());
        assertTrue(log.errors.isEmpty(), log.errors.toString());
        assertEquals("wcf4j: 1 file, 0 errors, 0 unsupported; 1 of 1 endpoint run on wcf4j", log.infos.get(0));
    }

    @Test
    void wcfsErrorsFailTheBuildAtTheirLine() throws IOException {
        Files.writeString(dir.resolve("App.config"), VALID.replace("<reliableSession/>",
                "<reliableSession maxPendingChannels=\"0\"/>"));
        Recorded log = new Recorded();
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo(log, "App.config").execute());
        assertTrue(e.getMessage().contains("1 error,"), e.getMessage());
        assertEquals(1, log.errors.size());
        String finding = log.errors.get(0);
        assertTrue(finding.startsWith(dir.resolve("App.config") + ":2:3: error: The value for the property"
                + " 'maxPendingChannels' is not valid."), finding);
    }

    @Test
    void whatWcf4jCannotRunFailsOnlyWhenAsked() throws IOException {
        Files.writeString(dir.resolve("Web.config"), VALID.replace("<httpTransport/>",
                "<httpTransport authenticationScheme=\"Ntlm\"/>"));
        Recorded lenient = new Recorded();
        assertDoesNotThrow(() -> mojo(lenient, "Web.config").execute());
        assertEquals(1, lenient.warnings.size());
        assertTrue(lenient.warnings.get(0).contains(": unsupported: authenticationScheme=\"Ntlm\""),
                lenient.warnings.toString());
        Recorded strict = new Recorded();
        ValidateMojo m = mojo(strict, "Web.config");
        m.failOnUnsupported = true;
        assertThrows(MojoFailureException.class, m::execute);
        assertEquals(1, strict.errors.size());
    }

    @Test
    void aMissingFileIsAnErrorAndNoFilesIsAMisconfiguration() {
        Recorded log = new Recorded();
        assertThrows(MojoFailureException.class, () -> mojo(log, "Missing.config").execute());
        assertTrue(log.errors.get(0).contains("Missing.config"), log.errors.toString());
        assertThrows(MojoExecutionException.class, () -> mojo(new Recorded()).execute());
        ValidateMojo skipped = mojo(new Recorded());
        skipped.skip = true;
        assertDoesNotThrow(skipped::execute);
    }

    @Test
    void theDescriptorDeclaresTheGoalInTheValidatePhase() throws IOException {
        try (InputStream in = ValidateMojo.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertTrue(in != null, "the plugin descriptor is generated");
            String descriptor = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(descriptor.contains("<goal>validate</goal>"), descriptor);
            assertTrue(descriptor.contains("<phase>validate</phase>"), descriptor);
            assertTrue(descriptor.contains("<goalPrefix>wcf4j</goalPrefix>"), descriptor);
        }
    }
}
