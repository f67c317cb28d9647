package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.InnerStack;
import io.github.wcf4j.runtime.stack.LayerProvider;
import io.github.wcf4j.runtime.stack.RefusalRule;
import io.github.wcf4j.runtime.time.Scheduler;
import java.time.Clock;
import java.util.List;

/**
 * {@code <security>} (WCF {@code SecurityBindingElement}) for the {@code TransportSecurityBindingElement} family it
 * runs: {@code authenticationMode="UserNameOverTransport"} and {@code "CertificateOverTransport"}, and the standard
 * bindings' {@code TransportWithMessageCredential} modes that expand to them, over request/reply:
 *
 * <pre>
 * client  IRequestChannel ← IRequestChannel   requests secured, replies verified
 * service IReplyChannel   ← IReplyChannel     requests verified (else WCF's security fault), replies secured
 * </pre>
 *
 * <p>Credentials are binding parameters: {@link ClientCredentials} on a client, {@link ServiceCredentials} on a
 * service, checked when the factory or listener opens, as WCF checks them; the clock ({@link Clock}, the system's UTC
 * clock by default) dates and checks timestamps. A service's transport must protect the messages (WCF's
 * {@code TransportDoesNotProtectMessage} is one of the model's {@code BuildChecks}). Everything else of
 * {@code <security>} (the symmetric and asymmetric modes, negotiation, secure conversation, Kerberos, issued tokens) and
 * the other channel shapes are refused by name, as data ({@link #refusals()}).
 */
public final class MessageSecurityLayerProvider implements LayerProvider<SecurityBindingElement> {

    @Override
    public Class<SecurityBindingElement> elementType() {
        return SecurityBindingElement.class;
    }

    @Override
    public List<RefusalRule<SecurityBindingElement>> refusals() {
        return List.of(
                RefusalRule.when("", e -> !TransportSecurityProtocol.runs(e.authenticationMode()),
                        e -> "The binding element '" + e.configName() + "' (authenticationMode="
                                + e.authenticationMode() + ") is not supported by the wcf4j runtime: of WS-Security"
                                + " it runs UserNameOverTransport and CertificateOverTransport only (message"
                                + " signing and encryption, negotiation and WS-SecureConversation are not"
                                + " implemented yet), so this binding cannot be opened."),
                RefusalRule.<SecurityBindingElement>when("", e -> TransportSecurityProtocol.runs(e.authenticationMode()),
                        e -> "The binding element '" + e.configName() + "' (authenticationMode="
                                + e.authenticationMode() + ") runs over request/reply channels only in wcf4j so far;"
                                + " this endpoint's contract or stack needs another channel shape, so it is refused.")
                        .onlyFor(ChannelShape.OUTPUT, ChannelShape.OUTPUT_SESSION, ChannelShape.INPUT,
                                ChannelShape.INPUT_SESSION, ChannelShape.DUPLEX, ChannelShape.DUPLEX_SESSION,
                                ChannelShape.REQUEST_SESSION, ChannelShape.REPLY_SESSION));
    }

    @Override
    public <C extends Channel> ChannelFactory<C> factory(SecurityBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        TransportSecurityProtocol protocol = protocol(e, type, p);
        ClientCredentials credentials = p.find(ClientCredentials.class).orElse(ClientCredentials.none());
        return new SecurityRequestChannelFactory<>(type, inner.factory(), protocol, credentials);
    }

    @Override
    public <C extends Channel> ChannelListener<C> listener(SecurityBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        TransportSecurityProtocol protocol = protocol(e, type, p);
        ServiceCredentials credentials = p.find(ServiceCredentials.class).orElse(ServiceCredentials.defaults());
        return new SecurityReplyChannelListener<>(type, inner.listener(), protocol, credentials,
                p.require(Scheduler.class).executor());
    }

    private static TransportSecurityProtocol protocol(SecurityBindingElement e, ChannelType<?> type,
            BindingParameters p) {
        if (type != ChannelType.REQUEST && type != ChannelType.REPLY) {
            throw new IllegalStateException("the refusal rules admit request/reply only, not " + type);
        }
        return new TransportSecurityProtocol(e, p.find(Clock.class).orElse(Clock.systemUTC()));
    }
}
