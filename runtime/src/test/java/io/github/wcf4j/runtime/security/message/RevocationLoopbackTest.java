package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.RevocationPki;
import java.security.cert.X509CRL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WCF's revocation modes on a service's chain trust of client certificates, over MutualCertificate message security:
 * {@code Online} fetches the CRL of the certificate's distribution point from a local HTTP server, {@code Offline}
 * checks only the CRLs given locally; a revoked certificate, or one whose status cannot be determined, is refused with
 * WCF's {@code X509ChainBuildFail} and Windows' status texts, and the operation is never dispatched.
 */
class RevocationLoopbackTest extends SecuredLoopback {
    static RevocationPki pki;
    static X509Credential good;
    static X509Credential revoked;
    static X509Credential unreachable;
    static X509CRL crl;

    @BeforeAll
    static void pki() throws Exception {
        pki = RevocationPki.start(dir, "RevocationCA");
        good = pki.leaf("good", pki.crlUri());
        revoked = pki.leaf("revoked", pki.crlUri());
        unreachable = pki.leaf("unreachable", RevocationPki.unreachableUri());
        crl = pki.crl(dir.resolve("ca.crl"), revoked.certificate());
        pki.serve(crl);
    }

    @AfterAll
    static void stop() {
        pki.close();
    }

    private static Binding mutual() {
        return binding(security(AuthenticationMode.MutualCertificate).build());
    }

    private static X509CertificateAuthentication chainTrust(RevocationCheck check) {
        return X509CertificateAuthentication.chainTrust(List.of(pki.ca())).withRevocation(check);
    }

    private Identity hostAndClient(X509CertificateAuthentication trust, X509Credential own) {
        host(mutual(), ServiceCredentials.defaults().withServiceCertificate(service)
                .withClientCertificateAuthentication(trust));
        return client(mutual(), ClientCredentials.certificate(own).withDefaultServiceCertificate(
                service.certificate()));
    }

    private void assertRefusedAndNeverServed(Identity id) {
        int before = IdentityService.CALLS.get();
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(WcfText.UnsecuredMessageFaultReceived.format(), e.getMessage());
        assertEquals(WsSecurityNames.FAILED_AUTHENTICATION,
                assertInstanceOf(SecurityFaultException.class, e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get(), "nothing dispatched");
    }

    private static String refusal(X509CertificateAuthentication trust, X509Credential c) {
        return assertThrows(SecurityTokenValidationException.class, () -> trust.validate(c.certificate()))
                .getMessage();
    }

    private static String unknown() {
        return WcfText.X509ChainStatusRevocationStatusUnknown.format() + " "
                + WcfText.X509ChainStatusOfflineRevocation.format() + " ";
    }

    @Test
    void aGoodCertificatePassesTheOnlineCheckWithItsCrlFetched() {
        int fetchedBefore = pki.fetches();
        Identity id = hostAndClient(chainTrust(RevocationCheck.online()), good);
        assertTrue(id.whoAmI().startsWith("X509:CN=good; "));
        assertTrue(pki.fetches() > fetchedBefore || fetchedBefore > 0, "the CRL was fetched from its point");
    }

    @Test
    void aRevokedCertificateIsRefusedOnlineWithWcfsTextAndNeverServed() {
        X509CertificateAuthentication trust = chainTrust(RevocationCheck.online());
        assertRefusedAndNeverServed(hostAndClient(trust, revoked));
        assertEquals(WcfText.X509ChainBuildFail.format(X509CertificateAuthentication.id(revoked.certificate()),
                WcfText.X509ChainStatusRevoked.format() + " "), refusal(trust, revoked));
    }

    @Test
    void aCertificateWhoseCrlCannotBeFetchedHasAnUnknownStatusAndIsRefused() {
        X509CertificateAuthentication trust = chainTrust(RevocationCheck.online());
        assertRefusedAndNeverServed(hostAndClient(trust, unreachable));
        assertEquals(WcfText.X509ChainBuildFail.format(X509CertificateAuthentication.id(unreachable.certificate()),
                unknown()), refusal(trust, unreachable));
    }

    @Test
    void offlineWithoutALocalCrlRefusesAsUnknownWithoutFetching() {
        int fetchedBefore = pki.fetches();
        X509CertificateAuthentication trust = chainTrust(RevocationCheck.offline(List.of()));
        assertRefusedAndNeverServed(hostAndClient(trust, good));
        assertEquals(WcfText.X509ChainBuildFail.format(X509CertificateAuthentication.id(good.certificate()),
                unknown()), refusal(trust, good));
        assertEquals(fetchedBefore, pki.fetches(), "Offline never goes to the network");
    }

    @Test
    void offlineChecksTheLocalCrl() {
        int fetchedBefore = pki.fetches();
        X509CertificateAuthentication trust = chainTrust(RevocationCheck.offline(List.of(crl)));
        assertTrue(hostAndClient(trust, good).whoAmI().startsWith("X509:CN=good; "));
        factory.abort();
        assertRefusedAndNeverServed(client(mutual(), ClientCredentials.certificate(revoked)
                .withDefaultServiceCertificate(service.certificate())));
        assertEquals(WcfText.X509ChainBuildFail.format(X509CertificateAuthentication.id(revoked.certificate()),
                WcfText.X509ChainStatusRevoked.format() + " "), refusal(trust, revoked));
        assertEquals(fetchedBefore, pki.fetches(), "Offline never goes to the network");
    }

    @Test
    void noCheckTrustsTheRevokedCertificatesChain() {
        assertTrue(hostAndClient(chainTrust(RevocationCheck.none()), revoked).whoAmI()
                .startsWith("X509:CN=revoked; "));
    }
}
