package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.LocalServiceSecuritySettings;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.ReplySessionChannel;
import io.github.wcf4j.runtime.channel.RequestSessionChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's admission limits for security sessions, on virtual time: at most {@code maxPendingSessions} sessions
 * wait to be accepted (a further token request is refused), and a session not accepted within
 * {@code inactivityTimeout} is reaped (its context is forgotten, so its client is refused, and it is never accepted).
 */
class SecuritySessionAdmissionTest {
    private static final Duration INACTIVITY = Duration.ofMinutes(2);

    @TempDir
    static Path dir;
    static X509Credential service;

    private final InMemoryFixture fixture = new InMemoryFixture();

    @BeforeAll
    static void keys() throws Exception {
        service = TestKeys.client(dir, "localhost");
    }

    private static Binding binding() {
        LocalServiceSecuritySettings d = LocalServiceSecuritySettings.defaults();
        LocalServiceSecuritySettings limited = new LocalServiceSecuritySettings(d.detectReplays(), INACTIVITY,
                d.issuedCookieLifetime(), d.maxCachedCookies(), d.maxClockSkew(), 2, d.maxStatefulNegotiations(),
                d.negotiationTimeout(), d.reconnectTransportOnFailure(), d.replayCacheSize(), d.replayWindow(),
                d.sessionKeyRenewalInterval(), d.sessionKeyRolloverInterval(), d.timestampValidityDuration());
        SecurityBindingElement security = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).localServiceSettings(limited)
                .bootstrap(SecurityBindingElement.builder().authenticationMode(AuthenticationMode
                        .AnonymousForCertificate).build()).build();
        return CustomBinding.of("b", security, TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
    }

    private ChannelListener<ReplySessionChannel> listener() {
        ChannelListener<ReplySessionChannel> l = ChannelStackBuilder.standard().buildListener(binding(),
                ChannelType.REPLY_SESSION, fixture.parameters()
                        .put(ListenAddress.class, ListenAddress.explicit(InMemoryFixture.SERVICE))
                        .put(ServiceCredentials.class, ServiceCredentials.defaults().withServiceCertificate(service)));
        fixture.await(l.open(InMemoryFixture.TIMEOUT));
        return l;
    }

    private ChannelFactory<RequestSessionChannel> factory() {
        ChannelFactory<RequestSessionChannel> f = ChannelStackBuilder.standard().buildFactory(binding(),
                ChannelType.REQUEST_SESSION, fixture.parameters().put(ClientCredentials.class,
                        ClientCredentials.none().withDefaultServiceCertificate(service.certificate())));
        fixture.await(f.open(InMemoryFixture.TIMEOUT));
        return f;
    }

    private static RequestSessionChannel channel(ChannelFactory<RequestSessionChannel> f) {
        return f.createChannel(EndpointAddress.of(InMemoryFixture.SERVICE), InMemoryFixture.SERVICE);
    }

    private static Message ping() {
        return Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:ping",
                new XmlFragment("<ping xmlns=\"urn:test\"/>"));
    }

    @Test
    void pendingSessionsAreBoundedAndReapedAfterTheInactivityTimeout() {
        ChannelListener<ReplySessionChannel> listener = listener();
        ChannelFactory<RequestSessionChannel> factory = factory();
        RequestSessionChannel first = fixture.open(channel(factory));
        fixture.open(channel(factory));
        Throwable refused = fixture.failure(channel(factory).open(InMemoryFixture.TIMEOUT));
        assertInstanceOf(MessageSecurityException.class, refused, "a third waiting session is refused: " + refused);

        fixture.clock.advanceBy(INACTIVITY);
        Throwable forgotten = fixture.failure(first.request(ping(), InMemoryFixture.TIMEOUT));
        assertInstanceOf(MessageSecurityException.class, forgotten, "the reaped session's context is gone");

        RequestSessionChannel fresh = fixture.open(channel(factory));
        ReplySessionChannel accepted = fixture.accept(listener);
        assertEquals(fresh.session().id(), accepted.session().id(),
                "the reaped sessions are never accepted; the new one is");
        assertTrue(fresh.session().id().startsWith("urn:uuid:"));
    }
}
