package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.READER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.config.read.HardenedXmlInput;
import io.github.wcf4j.config.read.ParseLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile configuration documents are refused with a clear error and bounded work; none is ever partly trusted. */
class HostileXmlTest {

    private static Diagnostic onlyError(ConfigReadResult r) {
        assertTrue(r.configuration().isEmpty(), "nothing may be built from a refused document");
        assertEquals(1, r.errors().size(), () -> r.errors().toString());
        return r.errors().get(0);
    }

    @Test
    void billionLaughsIsRefusedAtTheDtd() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE configuration [\n"
                + "<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">\n");
        }
        dtd.append("]>\n<configuration><appSettings><add key=\"k\" value=\"&lol10;\"/></appSettings></configuration>");
        Diagnostic d = onlyError(READER.read("bomb.config", dtd.toString()));
        assertEquals(HardenedXmlInput.DTD_REFUSED, d.message());
        assertEquals(2, d.location().line());
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "top secret");
        try (ServerSocket canary = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            canary.setSoTimeout(200);
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE configuration [\n"
                    + "<!ENTITY file SYSTEM \"" + secret.toUri() + "\">\n"
                    + "<!ENTITY net SYSTEM \"http://127.0.0.1:" + canary.getLocalPort() + "/x\">\n"
                    + "<!ENTITY % p SYSTEM \"http://127.0.0.1:" + canary.getLocalPort() + "/dtd\"> %p;\n"
                    + "]>\n<configuration><system.serviceModel><services><service name=\"&file;&net;\"/>"
                    + "</services></system.serviceModel></configuration>";
            Diagnostic d = onlyError(READER.read("xxe.config", xml));
            assertEquals(HardenedXmlInput.DTD_REFUSED, d.message());
            assertTrue(noConnection(canary), "the parser must not connect anywhere");
        }
    }

    private static boolean noConnection(ServerSocket canary) throws IOException {
        try {
            canary.accept().close();
            return false;
        } catch (SocketTimeoutException expected) {
            return true;
        }
    }

    @Test
    void externalDtdReferenceIsRefusedToo() {
        Diagnostic d = onlyError(READER.read("ext.config", "<!DOCTYPE configuration SYSTEM \"http://example.invalid/x.dtd\">"
                + "<configuration/>"));
        assertEquals(HardenedXmlInput.DTD_REFUSED, d.message());
    }

    @Test
    void undeclaredEntityIsAnErrorNotAnExpansion() {
        Diagnostic d = onlyError(READER.read("ent.config", "<configuration>\n<system.serviceModel>\n"
                + "<services><service name=\"&xxe;\"/></services></system.serviceModel></configuration>"));
        assertTrue(d.message().startsWith("The configuration file is not well-formed XML: "), d.message());
        assertTrue(d.message().contains("xxe"), d.message());
        assertEquals(3, d.location().line());
    }

    @Test
    void deepNestingIsBounded() {
        String deep = "<a>".repeat(ParseLimits.DEFAULT_MAX_DEPTH + 5) + "</a>".repeat(ParseLimits.DEFAULT_MAX_DEPTH + 5);
        Diagnostic d = onlyError(READER.read("deep.config", "<configuration><appSettings>" + deep
                + "</appSettings></configuration>"));
        assertTrue(d.message().toLowerCase(Locale.ROOT).contains("depth"), d.message());
    }

    @Test
    void attributeFloodIsBounded() {
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i < ParseLimits.DEFAULT_MAX_ATTRIBUTES + 10; i++) {
            attrs.append(" a").append(i).append("=\"x\"");
        }
        Diagnostic d = onlyError(READER.read("attrs.config", "<configuration><x" + attrs + "/></configuration>"));
        assertTrue(d.message().toLowerCase().contains("attribute"), d.message());
    }

    @Test
    void hugeAttributeValueIsBounded() {
        String big = "x".repeat(ParseLimits.DEFAULT_MAX_ATTRIBUTE_CHARS + 1);
        Diagnostic d = onlyError(READER.read("big.config", "<configuration><x a=\"" + big + "\"/></configuration>"));
        assertTrue(d.message().toLowerCase().contains("attribute"), d.message());
    }

    @Test
    void oversizedFileIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("big.config");
        Files.writeString(f, "<configuration/>" + " ".repeat(2048));
        ConfigReadResult r = ServiceModelConfigReader.withLimits(new ParseLimits(1024, 64, 256, 65536, 1 << 20, 1000))
                .read(f);
        assertTrue(onlyError(r).message().contains("more than the 1024 bytes"));
    }

    @Test
    void utf8ByteOrderMarkAndCrlfAreAccepted() {
        String xml = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<configuration>\r\n  <system.serviceModel>\r\n"
                + "    <bindings><customBinding><binding name=\"b\">\r\n      <reliableSession Bogus=\"1\"/>\r\n"
                + "      <httpTransport/>\r\n    </binding></customBinding></bindings>\r\n"
                + "  </system.serviceModel>\r\n</configuration>\r\n";
        ConfigReadResult r = READER.read("bom.config", new ByteArrayInputStream(
                xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, r.errors().size());
        assertEquals(5, r.errors().get(0).location().line(), "CRLF counts as one line end");
    }

    @Test
    void notXmlAtAll() {
        Diagnostic d = onlyError(READER.read("junk.config", "this is not xml"));
        assertTrue(d.message().startsWith("The configuration file is not well-formed XML"), d.message());
    }

    @Test
    void rootMustBeConfiguration() {
        Diagnostic d = onlyError(READER.read("root.config", "<system.serviceModel/>"));
        assertEquals("Configuration file root.config does not have root <configuration> tag", d.message());
    }
}
