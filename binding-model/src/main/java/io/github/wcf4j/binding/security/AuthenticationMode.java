package io.github.wcf4j.binding.security;

import io.github.wcf4j.binding.BindingElement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a custom binding's {@code <security>} element authenticates (WCF config {@code AuthenticationMode}); each mode is
 * one of WCF's {@code SecurityBindingElement.Create*BindingElement} factories, whose family decides the channel shapes.
 */
public enum AuthenticationMode {
    AnonymousForCertificate(Family.SYMMETRIC),
    AnonymousForSslNegotiated(Family.SYMMETRIC),
    CertificateOverTransport(Family.TRANSPORT),
    IssuedToken(Family.SYMMETRIC),
    IssuedTokenForCertificate(Family.SYMMETRIC),
    IssuedTokenForSslNegotiated(Family.SYMMETRIC),
    IssuedTokenOverTransport(Family.TRANSPORT),
    Kerberos(Family.SYMMETRIC),
    KerberosOverTransport(Family.TRANSPORT),
    MutualCertificate(Family.ASYMMETRIC),
    MutualCertificateDuplex(Family.ASYMMETRIC),
    MutualSslNegotiated(Family.SYMMETRIC),
    SecureConversation(Family.SECURE_CONVERSATION),
    SspiNegotiated(Family.SYMMETRIC),
    UserNameForCertificate(Family.SYMMETRIC),
    UserNameForSslNegotiated(Family.SYMMETRIC),
    UserNameOverTransport(Family.TRANSPORT),
    SspiNegotiatedOverTransport(Family.TRANSPORT);

    /** {@code SspiNegotiated}, WCF's default for {@code <security>} and its {@code <secureConversationBootstrap>}. */
    public static final AuthenticationMode DEFAULT = SspiNegotiated;

    /** The WCF security binding element class a mode creates. */
    public enum Family {
        /** {@code SymmetricSecurityBindingElement}: request/reply and datagram shapes only. */
        SYMMETRIC,
        /** {@code AsymmetricSecurityBindingElement}: also duplex. */
        ASYMMETRIC,
        /** {@code TransportSecurityBindingElement}: message credentials over a secure transport; also duplex. */
        TRANSPORT,
        /** {@code CreateSecureConversationBindingElement(bootstrap, requireCancellation)}. */
        SECURE_CONVERSATION
    }

    private final Family family;

    AuthenticationMode(Family family) {
        this.family = family;
    }

    /**
     * The mode's family under WS-Security 1.1 and 1.0 alike, except {@code MutualCertificate}, symmetric under 1.1:
     * ask {@link SecurityBindingElement#family()} for the class an element actually creates.
     */
    public Family family() {
        return family;
    }

    /** Whether the client sends a user name and password the service must check. */
    public boolean sendsUserName() {
        return this == UserNameForCertificate || this == UserNameForSslNegotiated || this == UserNameOverTransport;
    }

    /** Whether the service authenticates the client by its certificate. */
    public boolean authenticatesClientCertificate() {
        return this == MutualCertificate || this == MutualCertificateDuplex || this == CertificateOverTransport
                || this == MutualSslNegotiated;
    }

    /**
     * Whether the service proves itself with its own certificate, which its credentials must therefore name (WCF's
     * {@code ServiceCertificateNotProvidedOnServiceCredentials} when they do not): the X.509 symmetric and asymmetric
     * modes, and the SSL-negotiated ones, whose TLS runs with it.
     */
    public boolean needsServiceCertificate() {
        return this == AnonymousForCertificate || this == UserNameForCertificate || this == MutualCertificate
                || this == MutualCertificateDuplex || this == IssuedTokenForCertificate
                || this == AnonymousForSslNegotiated || this == UserNameForSslNegotiated
                || this == MutualSslNegotiated || this == IssuedTokenForSslNegotiated;
    }

    /** The authentication modes of a binding's security elements, a secure conversation's bootstrap included. */
    public static Set<AuthenticationMode> of(List<BindingElement> elements) {
        Set<AuthenticationMode> modes = EnumSet.noneOf(AuthenticationMode.class);
        for (BindingElement e : elements) {
            if (e instanceof SecurityBindingElement security) {
                modes.add(security.authenticationMode());
                security.secureConversationBootstrap().ifPresent(b -> modes.add(b.authenticationMode()));
            }
        }
        return modes;
    }
}
