package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.config.read.LocatedXml;

/** {@code <clientCredentials>} ({@code ClientCredentialsElement}) and its children. */
public class ClientCredentialsXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String type;
    @JacksonXmlProperty(isAttribute = true) public String useIdentityConfiguration;
    @JacksonXmlProperty(isAttribute = true) public String supportInteractive;
    public CertificateXml clientCertificate;
    public ServiceCertificateXml serviceCertificate;
    public WindowsXml windows;
    public HttpDigestXml httpDigest;
    public IssuedTokenXml issuedToken;
    public PeerCredentialXml peer;

    /** {@code <serviceCertificate>} ({@code X509RecipientCertificateClientElement}). */
    public static class ServiceCertificateXml extends LocatedXml {
        public CertificateXml defaultCertificate;
        public ScopedCertificatesXml scopedCertificates;
        public CertificateXml.ValidationXml authentication;
        public CertificateXml.ValidationXml sslCertificateAuthentication;
    }

    /** {@code <scopedCertificates>}: add/remove/clear keyed by {@code targetUri}. */
    public static class ScopedCertificatesXml extends ItemCollectionXml {
        @Override
        String itemName() {
            return ConfigStrings.ADD;
        }

        @Override
        Class<? extends LocatedXml> itemType() {
            return CertificateXml.ScopedXml.class;
        }

        @Override
        Class<? extends LocatedXml> removeType() {
            return CertificateXml.RemoveScopedXml.class;
        }
    }

    /** {@code <windows>} ({@code WindowsClientElement}). */
    public static class WindowsXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String allowNtlm;
        @JacksonXmlProperty(isAttribute = true) public String allowedImpersonationLevel;
    }

    /** {@code <httpDigest>} ({@code HttpDigestClientElement}). */
    public static class HttpDigestXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String impersonationLevel;
    }

    /** {@code <issuedToken>} ({@code IssuedTokenClientElement}). */
    public static class IssuedTokenXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String localIssuerChannelBehaviors;
        @JacksonXmlProperty(isAttribute = true) public String cacheIssuedTokens;
        @JacksonXmlProperty(isAttribute = true) public String maxIssuedTokenCachingTime;
        @JacksonXmlProperty(isAttribute = true) public String defaultKeyEntropyMode;
        @JacksonXmlProperty(isAttribute = true) public String issuedTokenRenewalThresholdPercentage;
        public LocalIssuerXml localIssuer;
        public IssuerChannelBehaviorsXml issuerChannelBehaviors;
    }

    /** {@code <localIssuer>} ({@code IssuedTokenParametersEndpointAddressElement}). */
    public static class LocalIssuerXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String address;
        @JacksonXmlProperty(isAttribute = true) public String binding;
        @JacksonXmlProperty(isAttribute = true) public String bindingConfiguration;
        public HeadersXml headers;
        public IdentityXml identity;
    }

    /** {@code <issuerChannelBehaviors>}: add/remove/clear keyed by {@code issuerAddress}. */
    public static class IssuerChannelBehaviorsXml extends ItemCollectionXml {
        @Override
        String itemName() {
            return ConfigStrings.ADD;
        }

        @Override
        Class<? extends LocatedXml> itemType() {
            return IssuerChannelBehaviorXml.class;
        }

        @Override
        Class<? extends LocatedXml> removeType() {
            return RemoveIssuerChannelBehaviorXml.class;
        }
    }

    /** {@code <issuerChannelBehaviors><add issuerAddress behaviorConfiguration>}. */
    public static class IssuerChannelBehaviorXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String issuerAddress;
        @JacksonXmlProperty(isAttribute = true) public String behaviorConfiguration;
    }

    /** {@code <issuerChannelBehaviors><remove issuerAddress>}. */
    public static class RemoveIssuerChannelBehaviorXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String issuerAddress;
    }
}
