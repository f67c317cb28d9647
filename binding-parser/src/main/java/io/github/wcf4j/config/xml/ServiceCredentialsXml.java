package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/** {@code <serviceCredentials>} ({@code ServiceCredentialsElement}) and its children. */
public class ServiceCredentialsXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String type;
    @JacksonXmlProperty(isAttribute = true) public String useIdentityConfiguration;
    @JacksonXmlProperty(isAttribute = true) public String identityConfiguration;
    public CertificateXml serviceCertificate;
    public ClientCertificateXml clientCertificate;
    public UserNameAuthenticationXml userNameAuthentication;
    public WindowsAuthenticationXml windowsAuthentication;
    public IssuedTokenAuthenticationXml issuedTokenAuthentication;
    public SecureConversationAuthenticationXml secureConversationAuthentication;
    public PeerCredentialXml peer;

    /** {@code <clientCertificate>} ({@code X509InitiatorCertificateServiceElement}). */
    public static class ClientCertificateXml extends LocatedXml {
        public CertificateXml certificate;
        public CertificateXml.ClientValidationXml authentication;
    }

    /** {@code <userNameAuthentication>} ({@code UserNameServiceElement}). */
    public static class UserNameAuthenticationXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String userNamePasswordValidationMode;
        @JacksonXmlProperty(isAttribute = true) public String includeWindowsGroups;
        @JacksonXmlProperty(isAttribute = true) public String membershipProviderName;
        @JacksonXmlProperty(isAttribute = true) public String customUserNamePasswordValidatorType;
        @JacksonXmlProperty(isAttribute = true) public String cacheLogonTokens;
        @JacksonXmlProperty(isAttribute = true) public String maxCachedLogonTokens;
        @JacksonXmlProperty(isAttribute = true) public String cachedLogonTokenLifetime;
    }

    /** {@code <windowsAuthentication>} ({@code WindowsServiceElement}). */
    public static class WindowsAuthenticationXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String includeWindowsGroups;
        @JacksonXmlProperty(isAttribute = true) public String allowAnonymousLogons;
    }

    /** {@code <secureConversationAuthentication>} ({@code SecureConversationServiceElement}). */
    public static class SecureConversationAuthenticationXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String securityStateEncoderType;
    }

    /** {@code <issuedTokenAuthentication>} ({@code IssuedTokenServiceElement}). */
    public static class IssuedTokenAuthenticationXml extends CertificateXml.ValidationXml {
        @JacksonXmlProperty(isAttribute = true) public String audienceUriMode;
        @JacksonXmlProperty(isAttribute = true) public String samlSerializerType;
        @JacksonXmlProperty(isAttribute = true) public String allowUntrustedRsaIssuers;
        public AllowedAudienceUrisXml allowedAudienceUris;
        public KnownCertificatesXml knownCertificates;
    }

    /**
     * {@code <allowedAudienceUris>} ({@code AllowedAudienceUriElementCollection}, a BasicMap): {@code <add>} only, so
     * {@code <clear>} and {@code <remove>} are unrecognized elements.
     */
    public static class AllowedAudienceUrisXml extends OrderedElementXml {
        @Override
        protected Set<String> attributeNames() {
            return Set.of();
        }

        @Override
        protected Class<? extends LocatedXml> childType(String name) {
            return ConfigStrings.ADD.equals(name) ? AllowedAudienceUriXml.class : null;
        }
    }

    /** {@code <allowedAudienceUris><add allowedAudienceUri>}. */
    public static class AllowedAudienceUriXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String allowedAudienceUri;
    }

    /**
     * {@code <knownCertificates>} ({@code X509CertificateTrustedIssuerElementCollection}): add/remove/clear, an item's
     * key being all four of its attributes.
     */
    public static class KnownCertificatesXml extends ItemCollectionXml {
        @Override
        String itemName() {
            return ConfigStrings.ADD;
        }

        @Override
        Class<? extends LocatedXml> itemType() {
            return CertificateXml.class;
        }

        @Override
        Class<? extends LocatedXml> removeType() {
            return RemoveKnownCertificateXml.class;
        }
    }

    /** {@code <knownCertificates><remove>}: names the certificate by all four attributes. */
    public static class RemoveKnownCertificateXml extends CertificateXml {
    }
}
