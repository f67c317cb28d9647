package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.LayeredChannelFactory;
import io.github.wcf4j.runtime.channel.OutputChannel;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The client side of the asymmetric binding over duplex channels (MutualCertificateDuplex over
 * {@code compositeDuplex}; WCF's {@code SecurityChannelFactory} with a {@code DuplexSecurityProtocolFactory}), over
 * duplex session channels (either asymmetric mode over a transport session, WCF's {@code SecurityDuplexSessionChannel}
 * under the same duplex protocol) and
 * over one-way output channels (either asymmetric mode: each message signed and encrypted as a request): each
 * message sent is signed with the client's key and encrypted to the service's certificate, each message received
 * (a reply or a callback) must be signed by the service's certificate and encrypted to the client's. A received
 * message whose security fails is dropped (logged, never handed on), and the channel receives the next; verification
 * runs on {@code verifier}, off the transport's threads.
 */
final class SecurityDuplexChannelFactory<C extends Channel> extends LayeredChannelFactory<C> {
    private final AsymmetricSecurityProtocol protocol;
    private final ClientCredentials credentials;
    private final Executor verifier;

    SecurityDuplexChannelFactory(ChannelType<C> type, ChannelFactory<?> inner, AsymmetricSecurityProtocol protocol,
            ClientCredentials credentials, Executor verifier) {
        super(type, inner);
        this.protocol = protocol;
        this.credentials = credentials;
        this.verifier = verifier;
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return TransportSecurityProtocol.checked(() -> protocol.checkClientCredentials(credentials))
                .thenCompose(v -> super.onOpen(timeout));
    }

    @Override
    public C createChannel(EndpointAddress to, URI via) {
        Channel created = innerFactory.createChannel(to, via);
        if (created instanceof DuplexSessionChannel inner) {
            return typed(new SecuredDuplexSessionChannel(inner,
                    m -> protocol.secureFromClient(m, inner.remoteAddress(), credentials),
                    m -> protocol.verifyAtClient(m, inner.remoteAddress(), credentials), verifier));
        }
        if (created instanceof DuplexChannel inner) {
            return typed(new SecuredDuplexChannel(inner,
                    m -> protocol.secureFromClient(m, inner.remoteAddress(), credentials),
                    m -> protocol.verifyAtClient(m, inner.remoteAddress(), credentials), verifier));
        }
        // one-way: nothing comes back to verify
        OutputChannel inner = (OutputChannel) created;
        return typed(new SecuredOutputChannel(inner, new SecuredMessages(
                m -> protocol.secureFromClient(m, inner.remoteAddress(), credentials), m -> m, verifier)));
    }
}
