package io.github.wcf4j.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.address.X509FindType;
import io.github.wcf4j.binding.credentials.AudienceUriMode;
import io.github.wcf4j.binding.credentials.ClientCertificateAuthentication;
import io.github.wcf4j.binding.credentials.ClientCertificateCredential;
import io.github.wcf4j.binding.credentials.ClientCredentials;
import io.github.wcf4j.binding.credentials.HttpDigestClientCredential;
import io.github.wcf4j.binding.credentials.IssuedTokenClientCredential;
import io.github.wcf4j.binding.credentials.IssuedTokenServiceCredential;
import io.github.wcf4j.binding.credentials.PeerCredential;
import io.github.wcf4j.binding.credentials.SecureConversationServiceCredential;
import io.github.wcf4j.binding.credentials.ServiceCertificateCredential;
import io.github.wcf4j.binding.credentials.ServiceCredentials;
import io.github.wcf4j.binding.credentials.TokenImpersonationLevel;
import io.github.wcf4j.binding.credentials.UserNameAuthentication;
import io.github.wcf4j.binding.credentials.UserNamePasswordValidationMode;
import io.github.wcf4j.binding.credentials.WindowsClientCredential;
import io.github.wcf4j.binding.credentials.WindowsServiceCredential;
import io.github.wcf4j.binding.credentials.X509CertificateReference;
import io.github.wcf4j.binding.credentials.X509CertificateValidation;
import io.github.wcf4j.binding.credentials.X509CertificateValidationMode;
import io.github.wcf4j.binding.credentials.X509RevocationMode;
import io.github.wcf4j.binding.description.ServiceThrottlingBehavior;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.ChannelPoolSettings;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.LocalClientSecuritySettings;
import io.github.wcf4j.binding.security.LocalServiceSecuritySettings;
import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.binding.security.SecurityKeyEntropyMode;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.binding.transport.WebSocketTransportUsage;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins every WCF default of every modelled element, one row per property (reference: wcf-reference.md §1–2, RS
 * {@code TransportDefaults.cs}, {@code ServiceDefaults.cs}). A component added without a row here fails
 * {@link #everyComponentOfEveryElementIsPinned()}.
 */
class DefaultsTest {

    private static final List<Object[]> ROWS = new ArrayList<>();

    private static void row(Record defaults, String property, Object expected) {
        ROWS.add(new Object[] {defaults, property, expected});
    }

    static {
        ReliableSessionBindingElement rm = ReliableSessionBindingElement.defaults();
        row(rm, "acknowledgementInterval", Duration.ofMillis(200));
        row(rm, "flowControlEnabled", true);
        row(rm, "inactivityTimeout", Duration.ofMinutes(10));
        row(rm, "maxPendingChannels", 4);
        row(rm, "maxRetryCount", 8);
        row(rm, "maxTransferWindowSize", 8);
        row(rm, "ordered", true);
        row(rm, "reliableMessagingVersion", ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005);

        SecurityBindingElement sec = SecurityBindingElement.defaults();
        row(sec, "authenticationMode", AuthenticationMode.SspiNegotiated);
        row(sec, "requireSecurityContextCancellation", true);
        row(sec, "messageSecurityVersion",
                MessageSecurityVersion.WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11);
        row(sec, "defaultAlgorithmSuite", "Default");
        row(sec, "includeTimestamp", true);
        row(sec, "requireDerivedKeys", true);
        row(sec, "canRenewSecurityContextToken", true);
        row(sec, "securityHeaderLayout", SecurityHeaderLayout.Strict);
        row(sec, "keyEntropyMode", SecurityKeyEntropyMode.CombinedEntropy);
        row(sec, "messageProtectionOrder", MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature);
        row(sec, "protectTokens", false);
        row(sec, "requireSignatureConfirmation", false);
        row(sec, "allowSerializedSigningTokenOnReply", false);
        row(sec, "enableUnsecuredResponse", false);
        row(sec, "allowInsecureTransport", false);
        row(sec, "localClientSettings", LocalClientSecuritySettings.defaults());
        row(sec, "localServiceSettings", LocalServiceSecuritySettings.defaults());
        row(sec, "secureConversationBootstrap", Optional.empty());

        // the asymmetric factories (CreateMutualCertificateBindingElement under WS-Security 1.0,
        // CreateMutualCertificateDuplexBindingElement): X509 token parameters without derived keys, no confirmation
        SecurityBindingElement asymmetric = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.MutualCertificate).messageSecurityVersion(MessageSecurityVersion
                        .WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10)
                .build();
        row(asymmetric, "requireDerivedKeys", false);
        row(asymmetric, "requireSignatureConfirmation", false);
        row(asymmetric, "allowSerializedSigningTokenOnReply", false);
        row(asymmetric, "messageProtectionOrder", MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature);
        SecurityBindingElement duplex = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.MutualCertificateDuplex).build();
        row(duplex, "requireDerivedKeys", false);
        row(duplex, "requireSignatureConfirmation", false);
        // under WS-Security 1.1 MutualCertificate is symmetric: derived keys and signature confirmation
        SecurityBindingElement symmetricMutual = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.MutualCertificate).build();
        row(symmetricMutual, "requireDerivedKeys", true);
        row(symmetricMutual, "requireSignatureConfirmation", true);

        LocalClientSecuritySettings lc = LocalClientSecuritySettings.defaults();
        row(lc, "cacheCookies", true);
        row(lc, "cookieRenewalThresholdPercentage", 60);
        row(lc, "detectReplays", true);
        row(lc, "maxClockSkew", Duration.ofMinutes(5));
        row(lc, "maxCookieCachingTime", WcfTimeSpan.INFINITE);
        row(lc, "reconnectTransportOnFailure", true);
        row(lc, "replayCacheSize", 900_000);
        row(lc, "replayWindow", Duration.ofMinutes(5));
        row(lc, "sessionKeyRenewalInterval", Duration.ofHours(10));
        row(lc, "sessionKeyRolloverInterval", Duration.ofMinutes(5));
        row(lc, "timestampValidityDuration", Duration.ofMinutes(5));

        LocalServiceSecuritySettings ls = LocalServiceSecuritySettings.defaults();
        row(ls, "detectReplays", true);
        row(ls, "inactivityTimeout", Duration.ofMinutes(2));
        row(ls, "issuedCookieLifetime", Duration.ofHours(10));
        row(ls, "maxCachedCookies", 1000);
        row(ls, "maxClockSkew", Duration.ofMinutes(5));
        row(ls, "maxPendingSessions", 128);
        row(ls, "maxStatefulNegotiations", 128);
        row(ls, "negotiationTimeout", Duration.ofMinutes(1));
        row(ls, "reconnectTransportOnFailure", true);
        row(ls, "replayCacheSize", 900_000);
        row(ls, "replayWindow", Duration.ofMinutes(5));
        row(ls, "sessionKeyRenewalInterval", Duration.ofHours(15));
        row(ls, "sessionKeyRolloverInterval", Duration.ofMinutes(5));
        row(ls, "timestampValidityDuration", Duration.ofMinutes(5));

        row(CompositeDuplexBindingElement.defaults(), "clientBaseAddress", Optional.empty());

        OneWayBindingElement ow = OneWayBindingElement.defaults();
        row(ow, "maxAcceptedChannels", 10);
        row(ow, "packetRoutable", false);
        row(ow, "channelPoolSettings", ChannelPoolSettings.defaults());
        ChannelPoolSettings pool = ChannelPoolSettings.defaults();
        row(pool, "idleTimeout", Duration.ofMinutes(2));
        row(pool, "leaseTimeout", Duration.ofMinutes(10));
        row(pool, "maxOutboundChannelsPerEndpoint", 10);

        TextMessageEncodingBindingElement text = TextMessageEncodingBindingElement.defaults();
        row(text, "maxReadPoolSize", 64);
        row(text, "maxWritePoolSize", 16);
        row(text, "messageVersion", MessageVersion.SOAP12_WS_ADDRESSING10);
        row(text, "writeEncoding", StandardCharsets.UTF_8);
        row(text, "readerQuotas", ReaderQuotas.defaults());
        ReaderQuotas q = ReaderQuotas.defaults();
        row(q, "maxDepth", 32);
        row(q, "maxStringContentLength", 8192);
        row(q, "maxArrayLength", 16384);
        row(q, "maxBytesPerRead", 4096);
        row(q, "maxNameTableCharCount", 16384);

        BinaryMessageEncodingBindingElement bin = BinaryMessageEncodingBindingElement.defaults();
        row(bin, "maxReadPoolSize", 64);
        row(bin, "maxWritePoolSize", 16);
        row(bin, "maxSessionSize", 2048);
        row(bin, "compressionFormat", "None");
        row(bin, "readerQuotas", ReaderQuotas.defaults());

        HttpTransportBindingElement http = HttpTransportBindingElement.defaults();
        row(http, "manualAddressing", false);
        row(http, "maxBufferPoolSize", 524_288L);
        row(http, "maxReceivedMessageSize", 65_536L);
        row(http, "maxBufferSize", OptionalInt.empty());
        row(http, "allowCookies", false);
        row(http, "authenticationScheme", Set.of(AuthenticationScheme.Anonymous));
        row(http, "bypassProxyOnLocal", false);
        row(http, "decompressionEnabled", true);
        row(http, "hostNameComparisonMode", HostNameComparisonMode.StrongWildcard);
        row(http, "keepAliveEnabled", true);
        row(http, "maxPendingAccepts", 0);
        row(http, "proxyAddress", null);
        row(http, "proxyAuthenticationScheme", AuthenticationScheme.Anonymous);
        row(http, "realm", "");
        row(http, "requestInitializationTimeout", Duration.ZERO);
        row(http, "transferMode", TransferMode.Buffered);
        row(http, "unsafeConnectionNtlmAuthentication", false);
        row(http, "useDefaultWebProxy", true);
        row(http, "webSocketTransportUsage", WebSocketTransportUsage.Never);

        BindingTimeouts t = BindingTimeouts.defaults();
        row(t, "openTimeout", Duration.ofMinutes(1));
        row(t, "closeTimeout", Duration.ofMinutes(1));
        row(t, "sendTimeout", Duration.ofMinutes(1));
        row(t, "receiveTimeout", Duration.ofMinutes(10));

        ServiceThrottlingBehavior throttle = ServiceThrottlingBehavior.defaults(2);
        row(throttle, "maxConcurrentCalls", 32);
        row(throttle, "maxConcurrentSessions", 200);
        row(throttle, "maxConcurrentInstances", 232);
        credentials();
    }

    /** WCF's credentials behaviors, per side (wcf-security-reference.md §6.1–6.2; RS {@code Security/*Credential.cs}). */
    private static void credentials() {
        ServiceCredentials service = ServiceCredentials.defaults();
        row(service, "type", "");
        row(service, "useIdentityConfiguration", false);
        row(service, "identityConfiguration", "");
        row(service, "serviceCertificate", Optional.empty());
        row(service, "clientCertificate", ClientCertificateCredential.defaults());
        row(service, "userNameAuthentication", UserNameAuthentication.defaults());
        row(service, "windowsAuthentication", WindowsServiceCredential.defaults());
        row(service, "issuedTokenAuthentication", IssuedTokenServiceCredential.defaults());
        row(service, "secureConversationAuthentication", SecureConversationServiceCredential.defaults());
        row(service, "peer", PeerCredential.defaults());

        ClientCertificateCredential clientCert = ClientCertificateCredential.defaults();
        row(clientCert, "certificate", Optional.empty());
        row(clientCert, "authentication", ClientCertificateAuthentication.defaults());
        ClientCertificateAuthentication clientAuth = ClientCertificateAuthentication.defaults();
        row(clientAuth, "validation", new X509CertificateValidation(X509CertificateValidationMode.ChainTrust,
                X509RevocationMode.Online, StoreLocation.LocalMachine, ""));
        row(clientAuth, "mapClientCertificateToWindowsAccount", false);
        row(clientAuth, "includeWindowsGroups", true);

        UserNameAuthentication userName = UserNameAuthentication.defaults();
        row(userName, "userNamePasswordValidationMode", UserNamePasswordValidationMode.Windows);
        row(userName, "customUserNamePasswordValidatorType", "");
        row(userName, "membershipProviderName", "");
        row(userName, "includeWindowsGroups", true);
        row(userName, "cacheLogonTokens", false);
        row(userName, "maxCachedLogonTokens", 128);
        row(userName, "cachedLogonTokenLifetime", Duration.ofMinutes(15));

        WindowsServiceCredential windowsService = WindowsServiceCredential.defaults();
        row(windowsService, "allowAnonymousLogons", false);
        row(windowsService, "includeWindowsGroups", true);

        IssuedTokenServiceCredential issuedService = IssuedTokenServiceCredential.defaults();
        row(issuedService, "allowedAudienceUris", List.of());
        row(issuedService, "audienceUriMode", AudienceUriMode.Always);
        row(issuedService, "validation", X509CertificateValidation.forClientCertificates());
        row(issuedService, "samlSerializerType", "");
        row(issuedService, "knownCertificates", List.of());
        row(issuedService, "allowUntrustedRsaIssuers", false);

        row(SecureConversationServiceCredential.defaults(), "securityStateEncoderType", "");

        PeerCredential peer = PeerCredential.defaults();
        X509CertificateValidation peerTrust = new X509CertificateValidation(
                X509CertificateValidationMode.PeerOrChainTrust, X509RevocationMode.Online, StoreLocation.CurrentUser,
                "");
        row(peer, "certificate", Optional.empty());
        row(peer, "peerAuthentication", peerTrust);
        row(peer, "messageSenderAuthentication", peerTrust);

        ClientCredentials client = ClientCredentials.defaults();
        row(client, "type", "");
        row(client, "useIdentityConfiguration", false);
        row(client, "supportInteractive", true);
        row(client, "clientCertificate", Optional.empty());
        row(client, "serviceCertificate", ServiceCertificateCredential.defaults());
        row(client, "windows", WindowsClientCredential.defaults());
        row(client, "httpDigest", HttpDigestClientCredential.defaults());
        row(client, "issuedToken", IssuedTokenClientCredential.defaults());
        row(client, "peer", PeerCredential.defaults());

        ServiceCertificateCredential serviceCert = ServiceCertificateCredential.defaults();
        row(serviceCert, "defaultCertificate", Optional.empty());
        row(serviceCert, "scopedCertificates", List.of());
        row(serviceCert, "authentication", new X509CertificateValidation(X509CertificateValidationMode.ChainTrust,
                X509RevocationMode.Online, StoreLocation.CurrentUser, ""));
        row(serviceCert, "sslCertificateAuthentication", Optional.empty());

        X509CertificateValidation validation = X509CertificateValidation.forServiceCertificates();
        row(validation, "certificateValidationMode", X509CertificateValidationMode.ChainTrust);
        row(validation, "revocationMode", X509RevocationMode.Online);
        row(validation, "trustedStoreLocation", StoreLocation.CurrentUser);
        row(validation, "customCertificateValidatorType", "");

        WindowsClientCredential windowsClient = WindowsClientCredential.defaults();
        row(windowsClient, "allowedImpersonationLevel", TokenImpersonationLevel.Identification);
        row(windowsClient, "allowNtlm", true);
        row(HttpDigestClientCredential.defaults(), "impersonationLevel", TokenImpersonationLevel.Identification);

        IssuedTokenClientCredential issuedClient = IssuedTokenClientCredential.defaults();
        row(issuedClient, "localIssuer", Optional.empty());
        row(issuedClient, "localIssuerChannelBehaviors", "");
        row(issuedClient, "issuerChannelBehaviors", List.of());
        row(issuedClient, "cacheIssuedTokens", true);
        row(issuedClient, "maxIssuedTokenCachingTime", WcfTimeSpan.INFINITE);
        row(issuedClient, "defaultKeyEntropyMode", SecurityKeyEntropyMode.CombinedEntropy);
        row(issuedClient, "issuedTokenRenewalThresholdPercentage", 60);

        X509CertificateReference serviceSide = X509CertificateReference.defaults(StoreLocation.LocalMachine);
        row(serviceSide, "storeLocation", StoreLocation.LocalMachine);
        row(serviceSide, "storeName", StoreName.My);
        row(serviceSide, "x509FindType", X509FindType.FindBySubjectDistinguishedName);
        row(serviceSide, "findValue", "");
    }

    static Stream<Arguments> rows() {
        return ROWS.stream().map(r -> Arguments.of(r[0].getClass().getSimpleName() + "." + r[1], r[0], r[1], r[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void defaultIsWcfs(String label, Record defaults, String property, Object expected) throws Exception {
        Object actual = defaults.getClass().getMethod(property).invoke(defaults);
        assertEquals(expected, actual, label);
    }

    @Test
    void everyComponentOfEveryElementIsPinned() {
        Set<String> pinned = new HashSet<>();
        Set<Class<?>> types = new HashSet<>();
        for (Object[] r : ROWS) {
            pinned.add(r[0].getClass().getName() + "." + r[1]);
            types.add(r[0].getClass());
        }
        List<String> missing = new ArrayList<>();
        for (Class<?> type : types) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (!pinned.contains(type.getName() + "." + c.getName())) {
                    missing.add(type.getSimpleName() + "." + c.getName());
                }
            }
        }
        assertTrue(missing.isEmpty(), "defaults not pinned: " + missing);
    }

    @Test
    void httpBufferSizeFollowsMaxReceivedMessageSizeWhenBuffered() {
        HttpTransportBindingElement http = HttpTransportBindingElement.builder().maxReceivedMessageSize(1_000_000).build();
        assertEquals(1_000_000, http.effectiveMaxBufferSize());
        assertEquals(65_536, http.toBuilder().transferMode(TransferMode.Streamed).build().effectiveMaxBufferSize());
    }

    @Test
    void wcfDefaultMessageVersionIsSoap12WithAddressing10() {
        assertEquals(MessageVersion.SOAP12_WS_ADDRESSING10, MessageVersion.forWcfName("Default").orElseThrow());
    }
}
