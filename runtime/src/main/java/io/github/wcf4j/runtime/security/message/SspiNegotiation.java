package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import java.util.Optional;

/**
 * SPNEGO, the mechanism of {@code SspiNegotiated} (WCF's {@code SspiSecurityTokenParameters},
 * {@code SpnegoTokenProvider} and {@code SpnegoTokenAuthenticator}; the default bootstrap of
 * {@code SecureConversation}): SSPI's "Negotiate" run as Kerberos through JGSS ({@link SpnegoHandshake}), the key
 * wrapped with GSS wrap. The client's identity and the service's keys are the {@link KerberosCredentials} configured for the JVM; the client's target is the endpoint
 * identity's principal, else WCF's {@code host/<address host>} ({@link ExpectedServiceIdentity#kerberosTarget}). The
 * service's caller is the Kerberos client principal. With Kerberos mutual authentication the negotiation is one round
 * trip: the first RST with the NegTokenInit, the final collection with the AP-REP.
 */
final class SspiNegotiation implements NegotiationMechanism {
    private final ExpectedServiceIdentity identity;
    private final Optional<KerberosCredentials> kerberos;
    private final WindowsCredentials windows;

    /** @param windows the client's {@code <clientCredentials><windows>}: Delegation asks JGSS to delegate */
    SspiNegotiation(ExpectedServiceIdentity identity, Optional<KerberosCredentials> kerberos,
            WindowsCredentials windows) {
        this.identity = identity;
        this.kerberos = kerberos;
        this.windows = windows;
    }

    /** The bootstrap mode this mechanism runs. */
    static boolean runs(AuthenticationMode mode) {
        return mode == AuthenticationMode.SspiNegotiated;
    }

    @Override
    public NegotiationMessages.Profile profile() {
        return NegotiationMessages.SPNEGO;
    }

    @Override
    public boolean carriesUserName() {
        return false;
    }

    @Override
    public void checkClientCredentials(ClientCredentials credentials) {
        windows.delegation();
        kerberos.orElseThrow(() -> KerberosCredentials.notConfigured("client")).subject(true);
    }

    @Override
    public void checkServiceCredentials(ServiceCredentials credentials) {
        SpnegoHandshake.acceptorCredentials(kerberos.orElseThrow(() -> KerberosCredentials.notConfigured("service")));
    }

    @Override
    public NegotiationHandshake initiator(EndpointAddress to, ClientCredentials credentials) {
        return SpnegoHandshake.initiator(kerberos.orElseThrow(() -> KerberosCredentials.notConfigured("client")),
                identity.kerberosTarget(to.uri()), to.uri().toString(), windows.delegation());
    }

    @Override
    public NegotiationHandshake acceptor(ServiceCredentials credentials) {
        return SpnegoHandshake.acceptor(kerberos.orElseThrow(() -> KerberosCredentials.notConfigured("service")));
    }

    @Override
    public ServiceSecurityContext caller(NegotiationHandshake acceptor, ServiceCredentials credentials) {
        return windows.caller(((SpnegoHandshake) acceptor).peer());
    }
}
