package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;
import java.util.Optional;

/**
 * {@code <peer>} of {@code serviceCredentials} and {@code clientCredentials} (WCF {@code PeerCredential}): the peer
 * channel's certificate and how neighbours and message senders are validated. Read in full; wcf4j does not run the
 * peer channel.
 *
 * @param certificate                 {@code <certificate>}, present when any attribute is written; defaults
 *                                    {@code CurrentUser}, {@code My}, {@code FindBySubjectDistinguishedName} on both
 *                                    sides
 * @param peerAuthentication          {@code <peerAuthentication>}: {@link X509CertificateValidation#forPeers()}
 * @param messageSenderAuthentication {@code <messageSenderAuthentication>}: the same defaults
 */
public record PeerCredential(Optional<X509CertificateReference> certificate,
        X509CertificateValidation peerAuthentication, X509CertificateValidation messageSenderAuthentication) {

    public PeerCredential {
        ArgumentChecks.notNull(certificate, "certificate");
        ArgumentChecks.notNull(peerAuthentication, "peerAuthentication");
        ArgumentChecks.notNull(messageSenderAuthentication, "messageSenderAuthentication");
    }

    public static PeerCredential defaults() {
        return new PeerCredential(Optional.empty(), X509CertificateValidation.forPeers(),
                X509CertificateValidation.forPeers());
    }
}
