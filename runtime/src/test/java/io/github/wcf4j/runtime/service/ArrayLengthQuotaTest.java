package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import jakarta.xml.ws.soap.SOAPFaultException;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code readerQuotas maxArrayLength} over HTTP loopback, as WCF's serializer applies it: a {@code byte[]} parameter's
 * base64 content is bounded by {@code maxArrayLength} in decoded bytes, not by {@code maxStringContentLength} in
 * characters; a string parameter stays bounded by {@code maxStringContentLength}.
 */
class ArrayLengthQuotaTest {
    private ServiceHost host;
    private ClientFactory<Blobs> client;

    @AfterEach
    void close() {
        if (client != null) {
            client.abort();
        }
        if (host != null) {
            host.abort();
        }
    }

    private Blobs open(ReaderQuotas serviceQuotas) {
        CustomBinding service = CustomBinding.of("b", TextMessageEncodingBindingElement.defaults()
                .withReaderQuotas(serviceQuotas), HttpTransportBindingElement.defaults());
        host = ServiceHost.builder(new ServiceDescription("Blobs", Optional.empty(),
                List.of(URI.create("http://localhost:0/blobs/")), List.of(new ServiceEndpoint("", "",
                        "customBinding", "b", service, "IBlobs", Optional.empty(), Optional.empty(), Optional.empty(),
                        List.of(), Optional.empty())))).types(ServiceTypes.empty().map("Blobs", BlobsService.class)
                .map("IBlobs", Blobs.class)).build();
        host.open();
        CustomBinding plain = CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                HttpTransportBindingElement.defaults());
        client = ClientFactory.builder(new ClientEndpoint("", host.endpoints().get(0).listenUri(), "customBinding",
                "b", plain, "IBlobs", Optional.empty(), Optional.empty(), List.of(), Optional.empty()), Blobs.class)
                .build();
        return client.createChannel();
    }

    @Test
    void aByteArrayWhoseBase64IsPastTheStringQuotaButWithinTheArrayQuotaIsAccepted() {
        Blobs blobs = open(ReaderQuotas.defaults());
        // 10,000 bytes are 13,336 base64 characters: past maxStringContentLength 8192, within maxArrayLength 16384
        assertEquals(10_000, blobs.length(new byte[10_000]));
        assertEquals(16_384, blobs.length(new byte[16_384]), "exactly the quota");
    }

    @Test
    void aByteArrayPastTheArrayQuotaIsWcfsDeserializationFaultWithTheArrayQuotasText() {
        Blobs blobs = open(ReaderQuotas.defaults());
        SOAPFaultException e = assertThrows(SOAPFaultException.class, () -> blobs.length(new byte[16_385]));
        assertEquals(WcfText.SFxErrorDeserializingRequestBodyMore.format("Length",
                WcfText.XmlMaxArrayLengthExceeded.format(16384)), e.getFault().getFaultString());
    }

    @Test
    void theArrayQuotaAppliesToBase64WithinTheStringQuota() {
        Blobs blobs = open(new ReaderQuotas(32, 1_000_000, 1000, 4096, 16384));
        assertEquals(1000, blobs.length(new byte[1000]));
        SOAPFaultException e = assertThrows(SOAPFaultException.class, () -> blobs.length(new byte[1001]));
        assertEquals(WcfText.SFxErrorDeserializingRequestBodyMore.format("Length",
                WcfText.XmlMaxArrayLengthExceeded.format(1000)), e.getFault().getFaultString());
        assertEquals(5000, blobs.chars("x".repeat(5000)), "a string is not bounded by the array quota");
    }

    @Test
    void aStringPastTheStringQuotaIsStillRefusedWithTheStringQuotasText() {
        Blobs blobs = open(ReaderQuotas.defaults());
        assertEquals(8192, blobs.chars("x".repeat(8192)));
        SOAPFaultException e = assertThrows(SOAPFaultException.class, () -> blobs.chars("x".repeat(13_336)));
        assertEquals(WcfText.SFxErrorDeserializingRequestBodyMore.format("Chars",
                WcfText.XmlMaxStringContentLengthExceeded.format(8192)), e.getFault().getFaultString());
    }

    @Test
    void anArrayOfPrimitivesIsBoundedByTheArrayQuotaInItems() throws Exception {
        open(new ReaderQuotas(32, 8192, 1000, 4096, 16384));
        RawHttp.Response within = count(1000);
        assertEquals(200, within.status(), within.body());
        assertTrue(within.body().contains("<CountResult>1000</CountResult>"), within.body());
        RawHttp.Response past = count(1001);
        assertEquals(500, past.status());
        assertTrue(past.body().contains(WcfText.SFxErrorDeserializingRequestBodyMore.format("Count",
                WcfText.XmlMaxArrayLengthOrMaxItemsQuotaExceeded.format(1000))), past.body());
    }

    /**
     * Calls {@code Count} with {@code items} zeros over raw HTTP, each item an element of the parameter's name as the
     * service model's serializer reads an {@code int[]} (Metro's proxy cannot send an {@code int[]} parameter).
     */
    private RawHttp.Response count(int items) throws IOException {
        URI uri = host.endpoints().get(0).listenUri();
        String envelope = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header><a:Action s:mustUnderstand=\"1\">"
                + "http://example.org/blobs/IBlobs/Count</a:Action><a:MessageID>urn:uuid:" + UUID.randomUUID()
                + "</a:MessageID><a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address>"
                + "</a:ReplyTo><a:To s:mustUnderstand=\"1\">" + uri + "</a:To></s:Header><s:Body>"
                + "<Count xmlns=\"http://example.org/blobs\">" + "<values>0</values>".repeat(items) + "</Count>"
                + "</s:Body></s:Envelope>";
        try (RawHttp c = RawHttp.to(uri)) {
            return c.post(uri.getPath(), "application/soap+xml; charset=utf-8", envelope);
        }
    }

    @Test
    void aClientReadsAByteArrayResultByTheArrayQuota() {
        Blobs blobs = open(ReaderQuotas.defaults());
        assertEquals(10_000, blobs.make(10_000).length, "past the client's string quota, within its array quota");
        RuntimeException e = assertThrows(RuntimeException.class, () -> blobs.make(16_385));
        Throwable quota = e;
        while (quota != null && !(quota instanceof QuotaExceededException)) {
            quota = quota.getCause();
        }
        assertEquals(WcfText.XmlMaxArrayLengthExceeded.format(16384), quota == null ? e.toString()
                : quota.getMessage());
    }
}
