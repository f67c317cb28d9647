package io.github.wcf4j.runtime.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Messages past {@code maxReceivedMessageSize} (WCF's default 65536) are refused with HTTP 413 as soon as the size is
 * known, with or without a Content-Length, never buffered whole; messages within it but past the encoder's
 * {@code readerQuotas} are refused with WCF's answers: 400 for headers that cannot be read, WCF's
 * {@code DeserializationFailed} fault for a body the operation cannot read.
 */
class OversizedMessagesTest {
    private static final int LIMIT = 65_536;
    private static HostedCalculator service;
    private static HostedCalculator strict;

    @BeforeAll
    static void host() {
        service = HostedCalculator.overHttp(HttpTransportBindingElement.defaults());
        strict = HostedCalculator.hosting(CustomBinding.of("strict", TextMessageEncodingBindingElement.defaults()
                .withReaderQuotas(new ReaderQuotas(10, 100, 16384, 4096, 16384)),
                HttpTransportBindingElement.defaults()));
    }

    @AfterAll
    static void close() {
        service.close();
        strict.close();
    }

    @Test
    void aDeclaredLengthPastTheQuotaIs413BeforeTheBodyIsSent() throws Exception {
        for (long declared : new long[] {LIMIT + 1, 10L << 30}) {
            try (RawHttp c = RawHttp.to(service.uri())) {
                c.write(RawHttp.head(service.uri().getPath(), HostedCalculator.SOAP12) + "Content-Length: "
                        + declared + "\r\n\r\n");
                assertEquals(413, c.read().status(), "refused on the declared length alone: no body was sent");
            }
        }
        service.assertStillServing();
    }

    @Test
    void aChunkedBodyPastTheQuotaIs413WhileItIsStillArriving() throws Exception {
        try (RawHttp c = RawHttp.to(service.uri())) {
            c.write(RawHttp.head(service.uri().getPath(), HostedCalculator.SOAP12)
                    + "Transfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = "<x>".repeat(2730).getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                for (; sent <= LIMIT + chunk.length; sent += chunk.length) {
                    c.chunk(chunk);
                }
            } catch (IOException refusedWhileSending) {
                // the service answered and closed while chunks were still going out (as HTTP.sys does); the 413 may
                // be lost to the reset that follows, but the service stopped reading within the quota's reach
                assertTrue(sent <= LIMIT + 2L * chunk.length, "the service read no more than the quota: " + sent);
                service.assertStillServing();
                return;
            }
            // the body has not ended (no last chunk): the refusal came from the bytes counted so far
            assertEquals(413, c.read().status());
        }
        service.assertStillServing();
    }

    @Test
    void aMessageWithinTheQuotaIsServedWithOrWithoutContentLength() throws Exception {
        byte[] add = service.add("").getBytes(StandardCharsets.UTF_8);
        try (RawHttp c = RawHttp.to(service.uri())) {
            c.write(RawHttp.head(service.uri().getPath(), HostedCalculator.SOAP12)
                    + "Transfer-Encoding: chunked\r\n\r\n");
            c.chunk(Arrays.copyOfRange(add, 0, 100));
            c.chunk(Arrays.copyOfRange(add, 100, add.length));
            c.chunk(new byte[0]);
            RawHttp.Response r = c.read();
            assertEquals(200, r.status());
            assertTrue(r.body().contains("<AddResult>5"), r.body());
        }
    }

    @Test
    void aBodyStringPastMaxStringContentLengthIsWcfsDeserializationFault() {
        RawHttp.Response r = strict.post(strict.envelope(HostedCalculator.NS + "/ICalculator/Add", "",
                "<Add xmlns=\"" + HostedCalculator.NS + "\"><n1>" + "1".repeat(101) + "</n1><n2>3</n2></Add>"));
        assertEquals(500, r.status());
        assertTrue(r.body().contains("<s:Value>s:Sender</s:Value><s:Subcode><s:Value xmlns:a=\"http://schemas.microsoft"
                + ".com/net/2005/12/windowscommunicationfoundation/dispatcher\">a:DeserializationFailed</s:Value>"),
                r.body());
        assertTrue(r.body().contains(WcfText.SFxErrorDeserializingRequestBodyMore.format("Add",
                WcfText.XmlMaxStringContentLengthExceeded.format(100))), r.body());
        strict.assertStillServing();
    }

    @Test
    void aBodyPastMaxDepthIsWcfsDeserializationFault() {
        RawHttp.Response r = strict.post(strict.envelope(HostedCalculator.NS + "/ICalculator/Add", "",
                "<Add xmlns=\"" + HostedCalculator.NS + "\"><n1>2</n1><n2>3</n2>" + "<x>".repeat(8) + "</x>".repeat(8)
                        + "</Add>"));
        assertEquals(500, r.status());
        assertTrue(r.body().contains(WcfText.SFxErrorDeserializingRequestBodyMore.format("Add",
                WcfText.XmlMaxDepthExceeded.format(10))), r.body());
        strict.assertStillServing();
    }

    @Test
    void headersPastTheReaderQuotasAre400() {
        assertEquals(400, strict.post(strict.add("<x:Deep xmlns:x=\"urn:x\">" + "<x:d>".repeat(10)
                + "</x:d>".repeat(10) + "</x:Deep>")).status());
        assertEquals(400, strict.post(strict.add("<x:Text xmlns:x=\"urn:x\">" + "t".repeat(101) + "</x:Text>"))
                .status());
        strict.assertStillServing();
    }
}
