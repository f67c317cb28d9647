package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.EndpointAddress;

/**
 * What a negotiated bootstrap ({@link NegotiationProtocol}) needs of its mechanism: TLSNEGO ({@link SslNegotiation})
 * or SPNEGO ({@link SspiNegotiation}). The protocol runs the WS-Trust legs, the issued token, the authenticator and the
 * secured {@code RST/SCT}; the mechanism supplies the wire profile, the credentials it needs, the handshakes and the
 * caller a completed handshake proves.
 */
interface NegotiationMechanism {
    /** The BinaryExchange ValueType and wrap algorithm. */
    NegotiationMessages.Profile profile();

    /**
     * @throws IllegalStateException when the client's credentials cannot run this mechanism (the channel is not opened)
     */
    void checkClientCredentials(ClientCredentials credentials);

    /**
     * @throws IllegalStateException when the service's credentials cannot run this mechanism (the host is not opened)
     */
    void checkServiceCredentials(ServiceCredentials credentials);

    /** The client's side of a new handshake with the service at {@code to}. */
    NegotiationHandshake initiator(EndpointAddress to, ClientCredentials credentials);

    /** The service's side of a new handshake. */
    NegotiationHandshake acceptor(ServiceCredentials credentials);

    /**
     * The caller a completed acceptor proves (anonymous when it proves none).
     *
     * @throws SecurityTokenValidationException when that caller is not trusted
     */
    ServiceSecurityContext caller(NegotiationHandshake acceptor, ServiceCredentials credentials);

    /** Whether the secured {@code RST/SCT} carries the caller's {@code UsernameToken} (UserNameForSslNegotiated). */
    boolean carriesUserName();
}
