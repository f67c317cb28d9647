package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.address.X509FindType;

/**
 * A certificate named by where it is stored and how to find it ({@code storeLocation}, {@code storeName},
 * {@code x509FindType}, {@code findValue}): what WCF's {@code SetCertificate(...)} receives from
 * {@code serviceCertificate}, {@code clientCertificate}, {@code defaultCertificate}, {@code scopedCertificates/add},
 * {@code knownCertificates/add} and {@code peer/certificate}. WCF looks it up with {@code X509Store.Find} and wants
 * exactly one match; the lookup is the runtime's job.
 *
 * <p>Only {@code storeLocation} differs between the sides: a service's own credentials default to
 * {@code LocalMachine}, a client's to {@code CurrentUser} (reference source
 * {@code X509Certificate{Initiator,Recipient}{Client,Service}Credential.DefaultStoreLocation}).
 *
 * @param storeLocation {@link #SERVICE_STORE_LOCATION} or {@link #CLIENT_STORE_LOCATION}
 * @param storeName     {@code My}
 * @param x509FindType  {@code FindBySubjectDistinguishedName}
 * @param findValue     {@code ""}
 */
public record X509CertificateReference(StoreLocation storeLocation, StoreName storeName, X509FindType x509FindType,
        String findValue) {

    /** A service's own certificates: {@code LocalMachine}. */
    public static final StoreLocation SERVICE_STORE_LOCATION = StoreLocation.LocalMachine;
    /** A client's certificates and the service certificates it knows: {@code CurrentUser}. */
    public static final StoreLocation CLIENT_STORE_LOCATION = StoreLocation.CurrentUser;
    /** {@code My}, on both sides. */
    public static final StoreName DEFAULT_STORE_NAME = StoreName.My;
    /** {@code FindBySubjectDistinguishedName}, on both sides. */
    public static final X509FindType DEFAULT_FIND_TYPE = X509FindType.FindBySubjectDistinguishedName;

    public X509CertificateReference {
        ArgumentChecks.notNull(storeLocation, "storeLocation");
        ArgumentChecks.notNull(storeName, "storeName");
        ArgumentChecks.notNull(x509FindType, "x509FindType");
        ArgumentChecks.notNull(findValue, "findValue");
    }

    /** WCF's defaults for a certificate in {@code storeLocation} (the side's default location). */
    public static X509CertificateReference defaults(StoreLocation storeLocation) {
        return new X509CertificateReference(storeLocation, DEFAULT_STORE_NAME, DEFAULT_FIND_TYPE, "");
    }

    /** This reference with another {@code findValue}. */
    public X509CertificateReference withFindValue(String value) {
        return new X509CertificateReference(storeLocation, storeName, x509FindType, value);
    }

    /** WCF's text for this search ({@code CannotFindCert}'s criteria): {@code StoreName 'My', StoreLocation ...}. */
    public String criteria() {
        return "StoreName '" + storeName + "', StoreLocation '" + storeLocation + "', FindType '" + x509FindType
                + "', FindValue '" + findValue + "'";
    }
}
