package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.InputChannel;
import io.github.wcf4j.runtime.channel.LayeredChannelListener;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The service side of the asymmetric binding over duplex channels (MutualCertificateDuplex over
 * {@code compositeDuplex}; WCF's {@code SecurityChannelListener} with a {@code DuplexSecurityProtocolFactory}), and over
 * duplex session channels (either asymmetric mode over a transport session, the same protocol): each
 * message received must be signed by a client certificate the service trusts (its caller, in the message's
 * {@link ServiceSecurityContext}) and encrypted to the service's certificate; each message sent (a reply or a
 * callback) is signed with the service's key, its certificate included, and encrypted to the client certificate of
 * the service's credentials ({@code serviceCredentials/clientCertificate/certificate}). A received message whose
 * security fails is dropped (logged, never dispatched; over one-way messages there is no one to answer).
 */
final class SecurityDuplexChannelListener<C extends Channel> extends LayeredChannelListener<C> {
    private final AsymmetricSecurityProtocol protocol;
    private final ServiceCredentials credentials;
    private final Executor verifier;

    SecurityDuplexChannelListener(ChannelType<C> type, ChannelListener<?> inner, AsymmetricSecurityProtocol protocol,
            ServiceCredentials credentials, Executor verifier) {
        super(type, inner);
        this.protocol = protocol;
        this.credentials = credentials;
        this.verifier = verifier;
    }

    /**
     * The service's check when it opens: its certificate, and, when it sends (duplex), the client's it encrypts to.
     */
    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return TransportSecurityProtocol.checked(() -> {
            if (channelType() == ChannelType.INPUT) {
                protocol.checkServiceCredentials(credentials);
            } else {
                protocol.checkDuplexServiceCredentials(credentials);
            }
        }).thenCompose(v -> super.onOpen(timeout));
    }

    @Override
    public CompletableFuture<Optional<C>> acceptChannel(Duration timeout) {
        return innerListener.acceptChannel(timeout).thenApply(c -> c.map(accepted -> {
            if (accepted instanceof DuplexSessionChannel inner) {
                return typed(new SecuredDuplexSessionChannel(inner, m -> protocol.secureFromService(m, credentials),
                        m -> protocol.verifyAtService(m, credentials), verifier));
            }
            if (accepted instanceof DuplexChannel inner) {
                return typed(new SecuredDuplexChannel(inner, m -> protocol.secureFromService(m, credentials),
                        m -> protocol.verifyAtService(m, credentials), verifier));
            }
            // one-way: the service only receives
            return typed(new SecuredInputChannel((InputChannel) accepted, new SecuredMessages(m -> {
                throw new IllegalStateException("an input channel sends nothing");
            }, m -> protocol.verifyAtService(m, credentials), verifier)));
        }));
    }
}
