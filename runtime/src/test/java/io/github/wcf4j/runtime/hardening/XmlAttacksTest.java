package io.github.wcf4j.runtime.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XML attacks in SOAP messages against a hosted service over loopback HTTP (reliability-and-security-tests.md §3.2):
 * each is refused with WCF's answer (400 for an envelope that cannot be read, WCF's deserialization fault for a body
 * past a reader quota), without expanding, resolving or fetching anything, within bounded work (the CPU time and heap
 * the process spends on it, measured per thread, not the elapsed time, which would race the machine), and the service
 * answers the next normal call. The transport allows 4 MB so that every payload reaches the XML reader.
 */
class XmlAttacksTest {
    private static final Duration BOUNDED_CPU = Duration.ofSeconds(2);
    private static final long BOUNDED_MB = 64;
    private static HostedCalculator service;

    @TempDir
    static Path files;

    @BeforeAll
    static void host() {
        service = HostedCalculator.overHttp(HttpTransportBindingElement.builder().maxReceivedMessageSize(4 << 20)
                .build());
    }

    @AfterAll
    static void close() {
        service.close();
    }

    /** Posts the attack, checks it is answered within bounded work, and the service still serves. */
    private static RawHttp.Response attack(Supplier<String> payload) {
        String envelope = payload.get();
        WorkMeter meter = WorkMeter.start();
        RawHttp.Response r = service.post(envelope);
        Duration cpu = meter.cpuTime();
        assertTrue(cpu.compareTo(BOUNDED_CPU) < 0, "answered after " + cpu + " of CPU time");
        assertTrue(meter.megabytes() < BOUNDED_MB + 4L * envelope.length() / (1 << 20),
                "allocated " + meter.megabytes() + " MB for a " + envelope.length() + "-character attack");
        service.assertStillServing();
        return r;
    }

    private static String prolog(String dtd) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + dtd;
    }

    private static String addWith(String n1) {
        return service.envelope(HostedCalculator.NS + "/ICalculator/Add", "",
                "<Add xmlns=\"" + HostedCalculator.NS + "\"><n1>" + n1 + "</n1><n2>3</n2></Add>");
    }

    private static String nested(String name, int depth) {
        return ("<" + name + ">").repeat(depth) + ("</" + name + ">").repeat(depth);
    }

    @Test
    void billionLaughsIsRefusedWithoutExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE s:Envelope [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        RawHttp.Response r = attack(() -> prolog(dtd.toString()) + addWith("&lol10;"));
        assertEquals(400, r.status());
        assertEquals("", r.body());
    }

    @Test
    void quadraticBlowupIsRefusedWithoutExpansion() {
        String dtd = "<!DOCTYPE s:Envelope [<!ENTITY a \"" + "x".repeat(200_000) + "\">]>";
        RawHttp.Response r = attack(() -> prolog(dtd) + addWith("&a;".repeat(10_000)));
        assertEquals(400, r.status());
    }

    @Test
    void externalEntitiesAreNeitherReadNorFetched() throws Exception {
        Path secret = Files.writeString(files.resolve("secret.txt"), "CANARY-7f3a9");
        try (CanaryListener canary = new CanaryListener()) {
            String fileEntity = "<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
            RawHttp.Response r = attack(() -> prolog(fileEntity) + addWith("&xxe;"));
            assertEquals(400, r.status());
            assertFalse(r.body().contains("CANARY-7f3a9"));
            String httpEntity = "<!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"" + canary.uri("/xxe") + "\">]>";
            assertEquals(400, attack(() -> prolog(httpEntity) + addWith("&xxe;")).status());
            String parameterEntity = "<!DOCTYPE s:Envelope [<!ENTITY % p SYSTEM \"" + canary.uri("/p.dtd")
                    + "\"> %p;]>";
            assertEquals(400, attack(() -> prolog(parameterEntity) + addWith("1")).status());
            String externalSubset = "<!DOCTYPE s:Envelope SYSTEM \"" + canary.uri("/evil.dtd") + "\">";
            assertEquals(400, attack(() -> prolog(externalSubset) + addWith("1")).status());
            assertFalse(canary.visitedWithin(Duration.ofMillis(500)), "the service fetched the canary");
            assertEquals(0, canary.connections());
        }
    }

    @Test
    void anyDtdIsRefusedEvenAnEmptyOne() {
        assertEquals(400, attack(() -> prolog("<!DOCTYPE s:Envelope>") + addWith("1")).status());
        assertEquals(400, attack(() -> prolog("<!DOCTYPE s:Envelope []>") + addWith("1")).status());
    }

    @Test
    void anUndeclaredEntityIsRefused() {
        assertEquals(400, attack(() -> addWith("&undeclared;")).status());
    }

    @Test
    void deepNestingInAHeaderIsRefusedAtTheDepthQuota() {
        for (int depth : new int[] {33, 101, 10_000}) {
            RawHttp.Response r = attack(() -> service.add("<x:Deep xmlns:x=\"urn:x\">"
                    + nested("x:d", depth) + "</x:Deep>"));
            assertEquals(400, r.status(), "depth " + depth);
        }
    }

    @Test
    void deepNestingInTheBodyIsWcfsDeserializationFault() {
        for (int depth : new int[] {33, 101, 10_000}) {
            RawHttp.Response r = attack(() -> addWith(nested("x", depth)));
            assertEquals(500, r.status(), "depth " + depth);
            assertTrue(r.body().contains("a:DeserializationFailed</s:Value>"), r.body());
            assertTrue(r.body().contains(WcfText.SFxErrorDeserializingRequestBodyMore.format("Add",
                    WcfText.XmlMaxDepthExceeded.format(32))), r.body());
        }
    }

    @Test
    void anUnclosedStreamOfStartTagsIsRefusedAtTheDepthQuota() {
        String unclosed = HostedCalculator.ENVELOPE_START + "<s:Header>" + "<x:a xmlns:x=\"urn:x\">".repeat(100_000);
        assertEquals(400, attack(() -> unclosed).status());
    }

    @Test
    void manyAttributesAreRefused() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            attributes.append(" a").append(i).append("=\"v\"");
        }
        assertEquals(400, attack(() -> service.add("<x:Many xmlns:x=\"urn:x\"" + attributes + "/>")).status());
    }

    @Test
    void aHugeAttributeValueIsRefused() {
        assertEquals(400, attack(() -> service.add("<x:Big xmlns:x=\"urn:x\" v=\"" + "v".repeat(100_000)
                + "\"/>")).status());
    }

    @Test
    void aHugeTextNodeInAHeaderIsRefusedAtTheStringQuota() {
        assertEquals(400, attack(() -> service.add("<x:Text xmlns:x=\"urn:x\">" + "t".repeat(3_000_000)
                + "</x:Text>")).status());
    }

    @Test
    void aHugeTextNodeInTheBodyIsWcfsDeserializationFault() {
        RawHttp.Response r = attack(() -> addWith("1".repeat(3_000_000)));
        assertEquals(500, r.status());
        assertTrue(r.body().contains(WcfText.SFxErrorDeserializingRequestBodyMore.format("Add",
                WcfText.XmlMaxStringContentLengthExceeded.format(8192))), r.body());
    }

    @Test
    void sixtyThousandSiblingsAreReadInBoundedTime() {
        String many = "<x:Many xmlns:x=\"urn:x\">" + "<x:e/>".repeat(60_000) + "</x:Many>";
        assertEquals(200, attack(() -> service.add(many)).status());
    }

    @Test
    void anOverlongElementNameIsRefused() {
        String name = "n".repeat(1 << 20);
        assertEquals(400, attack(() -> service.add("<" + name + " xmlns=\"urn:x\"/>")).status());
    }

    @Test
    void processingInstructionsAndCommentsAreNotExecutedAndTheCallIsAnswered() {
        assertEquals(200, attack(() -> "<?xml-stylesheet href=\"http://127.0.0.1:1/x.xsl\"?><!--c-->"
                + service.add("")).status());
    }
}
