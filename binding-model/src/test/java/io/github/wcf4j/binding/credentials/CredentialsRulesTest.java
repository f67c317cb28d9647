package io.github.wcf4j.binding.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.address.X509FindType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The credentials records refuse what WCF's credential setters refuse, with WCF's texts; and nothing more. */
class CredentialsRulesTest {

    private static void assertWcf(WcfText key, String text, Executable action) {
        BindingValidationException e = assertThrows(BindingValidationException.class, action);
        assertEquals(key, e.text());
        assertEquals(text, e.getMessage());
    }

    private static UserNameAuthentication userName(int maxCachedLogonTokens, Duration lifetime) {
        return new UserNameAuthentication(UserNamePasswordValidationMode.Windows, "", "", true, false,
                maxCachedLogonTokens, lifetime);
    }

    @Test
    void maxCachedLogonTokensMustBeGreaterThanZero() {
        assertWcf(WcfText.ValueMustBeGreaterThanZero, "The value of this argument must be greater than 0.",
                () -> userName(0, Duration.ofMinutes(15)));
    }

    @Test
    void cachedLogonTokenLifetimeMustBePositiveAndHonourable() {
        assertWcf(WcfText.TimeSpanMustbeGreaterThanTimeSpanZero, "TimeSpan must be greater than TimeSpan.Zero.",
                () -> userName(1, Duration.ZERO));
        assertWcf(WcfText.SFxTimeoutOutOfRangeTooBig, "Timeouts larger than Int32.MaxValue TotalMilliseconds"
                + " (approximately 24 days) cannot be honored. To disable timeout, specify TimeSpan.MaxValue.",
                () -> userName(1, Duration.ofDays(25)));
        assertEquals(WcfTimeSpan.INFINITE, userName(1, WcfTimeSpan.INFINITE).cachedLogonTokenLifetime());
    }

    @Test
    void maxIssuedTokenCachingTimeMayBeZeroButNotNegative() {
        IssuedTokenClientCredential d = IssuedTokenClientCredential.defaults();
        assertEquals(Duration.ZERO, new IssuedTokenClientCredential(Optional.empty(), "", List.of(), true,
                Duration.ZERO, d.defaultKeyEntropyMode(), 60).maxIssuedTokenCachingTime());
        assertWcf(WcfText.SFxTimeoutOutOfRange0, WcfText.SFxTimeoutOutOfRange0.format(),
                () -> new IssuedTokenClientCredential(Optional.empty(), "", List.of(), true, Duration.ofSeconds(-1),
                        d.defaultKeyEntropyMode(), 60));
    }

    @Test
    void theRenewalThresholdIsNotCheckedBeyondConfigurationAsWcfsSetterChecksNothing() {
        IssuedTokenClientCredential d = IssuedTokenClientCredential.defaults();
        assertEquals(150, new IssuedTokenClientCredential(Optional.empty(), "", List.of(), true,
                d.maxIssuedTokenCachingTime(), d.defaultKeyEntropyMode(), 150).issuedTokenRenewalThresholdPercentage());
    }

    @Test
    void theSearchCriteriaReadAsWcfsCannotFindCertText() {
        assertEquals("StoreName 'My', StoreLocation 'LocalMachine', FindType 'FindBySubjectName', FindValue 'localhost'",
                new X509CertificateReference(StoreLocation.LocalMachine, StoreName.My, X509FindType.FindBySubjectName,
                        "localhost").criteria());
    }

    @Test
    void eachSideHasItsOwnDefaultStores() {
        assertEquals(StoreLocation.LocalMachine, X509CertificateValidation.forClientCertificates().trustedStoreLocation());
        assertEquals(StoreLocation.CurrentUser, X509CertificateValidation.forServiceCertificates().trustedStoreLocation());
        assertEquals(X509CertificateValidationMode.PeerOrChainTrust,
                X509CertificateValidation.forPeers().certificateValidationMode());
        assertEquals(StoreLocation.LocalMachine, X509CertificateReference.SERVICE_STORE_LOCATION);
        assertEquals(StoreLocation.CurrentUser, X509CertificateReference.CLIENT_STORE_LOCATION);
    }
}
