package io.github.wcf4j.runtime.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** httpsTransport: TLS from a keystore on the service, host-name-verified trust on the client. */
class HttpsTransportTest {
    private static final Duration T = Duration.ofSeconds(10);
    private static final char[] PASSWORD = SelfSignedKeyStore.PASSWORD;

    @TempDir
    static Path dir;
    static Path keyStore;

    private final SystemScheduler scheduler = new SystemScheduler();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();
    private ChannelListener<ReplyChannel> listener;
    private ChannelFactory<RequestChannel> factory;

    /** A self-signed service certificate for localhost, made with the JDK's keytool. */
    @BeforeAll
    static void createKeyStore() throws Exception {
        keyStore = SelfSignedKeyStore.create(dir.resolve("service.p12"), "localhost", "dns:localhost,ip:127.0.0.1");
    }

    @AfterEach
    void close() {
        if (listener != null) {
            listener.abort();
        }
        if (factory != null) {
            factory.abort();
        }
        scheduler.close();
    }

    private static CustomBinding https() {
        return CustomBinding.of("https", TextMessageEncodingBindingElement.defaults(),
                HttpsTransportBindingElement.defaults());
    }

    private URI serve(TlsSettings tls) {
        listener = AnsweringService.open(builder, https(), new BindingParameters().put(Scheduler.class, scheduler)
                .put(TlsSettings.class, tls), ListenAddress.unique(URI.create("https://localhost:0/secure/")),
                request -> Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:pong",
                        new XmlFragment("<Pong xmlns=\"urn:t\"/>")), T);
        return listener.uri();
    }

    private Message call(URI at, TlsSettings clientTls) {
        BindingParameters p = new BindingParameters().put(Scheduler.class, scheduler);
        if (clientTls != null) {
            p.put(TlsSettings.class, clientTls);
        }
        factory = builder.buildFactory(https(), ChannelType.REQUEST, p);
        Futures.join(factory.open(T));
        RequestChannel c = factory.createChannel(EndpointAddress.of(at));
        Futures.join(c.open(T));
        return Futures.join(c.request(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:ping",
                new XmlFragment("<Ping xmlns=\"urn:t\"/>")), T));
    }

    @Test
    void aClientTrustingTheServiceCertificateCallsOverTls() {
        URI at = serve(TlsSettings.keyStore(keyStore, PASSWORD));
        assertEquals("https", at.getScheme());
        assertEquals("<Pong xmlns=\"urn:t\"/>", call(at, TlsSettings.keyStore(keyStore, PASSWORD)).body().xml());
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsToConnect() {
        URI at = serve(TlsSettings.keyStore(keyStore, PASSWORD));
        Throwable e = assertThrows(SecurityNegotiationException.class, () -> call(at, null));
        assertEquals(WcfText.TrustFailure.format(at.getAuthority()), e.getMessage());
    }

    @Test
    void aListenerWithoutKeyMaterialIsRefusedWithAClearError() {
        listener = builder.buildListener(https(), ChannelType.REPLY, new BindingParameters()
                .put(Scheduler.class, scheduler)
                .put(ListenAddress.class, ListenAddress.unique(URI.create("https://localhost:0/secure/"))));
        Throwable e = assertThrows(IllegalStateException.class, () -> Futures.join(listener.open(T)));
        assertEquals(true, e.getMessage().startsWith("httpsTransport needs key material to listen"), e.getMessage());
    }

    @Test
    void wrongSchemeForHttpsIsWcfsText() {
        factory = builder.buildFactory(https(), ChannelType.REQUEST,
                new BindingParameters().put(Scheduler.class, scheduler));
        Futures.join(factory.open(T));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                factory.createChannel(EndpointAddress.of("http://localhost/x")));
        assertEquals(WcfText.InvalidUriScheme.format("http", "https") + "\nParameter name: via", e.getMessage());
    }
}
