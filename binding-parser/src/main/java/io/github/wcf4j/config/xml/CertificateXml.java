package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.config.read.LocatedXml;

/**
 * The certificate elements of the credentials behaviors: {@code serviceCertificate}, {@code clientCertificate} (and its
 * service-side {@code certificate}), {@code defaultCertificate}, {@code peer/certificate}, {@code knownCertificates/add}
 * ({@code X509*CertificateElement}), and the {@code authentication} elements that say how the other side's certificate
 * is validated ({@code X509*CertificateAuthenticationElement}).
 */
public class CertificateXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String findValue;
    @JacksonXmlProperty(isAttribute = true) public String storeLocation;
    @JacksonXmlProperty(isAttribute = true) public String storeName;
    @JacksonXmlProperty(isAttribute = true) public String x509FindType;

    /** Whether any attribute is written: WCF sets the certificate only then ({@code ValueOrigin != Default}). */
    boolean written() {
        return findValue != null || storeLocation != null || storeName != null || x509FindType != null;
    }

    /** {@code <scopedCertificates><add targetUri ...>} ({@code X509ScopedServiceCertificateElement}). */
    public static class ScopedXml extends CertificateXml {
        @JacksonXmlProperty(isAttribute = true) public String targetUri;
    }

    /** {@code <scopedCertificates><remove targetUri>}. */
    public static class RemoveScopedXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String targetUri;
    }

    /**
     * {@code <authentication>}, {@code <sslCertificateAuthentication>}, {@code <peerAuthentication>},
     * {@code <messageSenderAuthentication>}: the four validation settings.
     */
    public static class ValidationXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String certificateValidationMode;
        @JacksonXmlProperty(isAttribute = true) public String revocationMode;
        @JacksonXmlProperty(isAttribute = true) public String trustedStoreLocation;
        @JacksonXmlProperty(isAttribute = true) public String customCertificateValidatorType;
    }

    /** {@code <serviceCredentials><clientCertificate><authentication>}: also the two Windows mapping settings. */
    public static class ClientValidationXml extends ValidationXml {
        @JacksonXmlProperty(isAttribute = true) public String mapClientCertificateToWindowsAccount;
        @JacksonXmlProperty(isAttribute = true) public String includeWindowsGroups;
    }
}
