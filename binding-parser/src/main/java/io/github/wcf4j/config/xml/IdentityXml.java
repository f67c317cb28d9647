package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.config.read.LocatedXml;

/**
 * {@code <endpoint><identity>} ({@code IdentityElement}): at most one of each kind of identity child; which one counts is
 * decided by {@link IdentityMapping}.
 */
public class IdentityXml extends LocatedXml {
    public ValueXml userPrincipalName;
    public ValueXml servicePrincipalName;
    public ValueXml dns;
    public ValueXml rsa;
    public CertificateXml certificate;
    public CertificateReferenceXml certificateReference;

    /** {@code <userPrincipalName>}, {@code <servicePrincipalName>}, {@code <dns>} and {@code <rsa>}: {@code value}. */
    public static class ValueXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String value;
    }

    /** {@code <certificate encodedValue>}. */
    public static class CertificateXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String encodedValue;
    }

    /** {@code <certificateReference storeName storeLocation x509FindType findValue isChainIncluded>}. */
    public static class CertificateReferenceXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String storeName;
        @JacksonXmlProperty(isAttribute = true) public String storeLocation;
        @JacksonXmlProperty(isAttribute = true) public String x509FindType;
        @JacksonXmlProperty(isAttribute = true) public String findValue;
        @JacksonXmlProperty(isAttribute = true) public String isChainIncluded;
    }
}
