package io.github.wcf4j.binding.address;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * The identity a client expects the service at an endpoint to prove ({@code <endpoint><identity>}, WCF
 * {@code EndpointIdentity}): one record per kind of {@code <identity>} child. WCF's configuration loader
 * ({@code ConfigLoader.LoadIdentity}) takes the first present child in the order {@code userPrincipalName},
 * {@code servicePrincipalName}, {@code dns}, {@code rsa}, {@code certificate}, {@code certificateReference}; the
 * configuration reader does the same, so an endpoint carries at most one identity.
 *
 * <p>The values are kept as written; checking them against what the service presents is the client's job.
 */
public sealed interface EndpointIdentity {

    /** The {@code <identity>} child this identity is written as, e.g. {@code dns}. */
    String elementName();

    /** {@code <userPrincipalName value>}: a Windows account (WCF {@code UpnEndpointIdentity}). */
    record UserPrincipalName(String value) implements EndpointIdentity {
        public UserPrincipalName {
            ArgumentChecks.notNull(value, "value");
        }

        @Override
        public String elementName() {
            return "userPrincipalName";
        }
    }

    /** {@code <servicePrincipalName value>}: a Kerberos service principal (WCF {@code SpnEndpointIdentity}). */
    record ServicePrincipalName(String value) implements EndpointIdentity {
        public ServicePrincipalName {
            ArgumentChecks.notNull(value, "value");
        }

        @Override
        public String elementName() {
            return "servicePrincipalName";
        }
    }

    /** {@code <dns value>}: the DNS name the service's certificate must carry (WCF {@code DnsEndpointIdentity}). */
    record Dns(String value) implements EndpointIdentity {
        public Dns {
            ArgumentChecks.notNull(value, "value");
        }

        @Override
        public String elementName() {
            return "dns";
        }
    }

    /**
     * {@code <rsa value>}: the service's RSA public key as .NET's {@code <RSAKeyValue>} XML (WCF
     * {@code RsaEndpointIdentity}).
     */
    record Rsa(String value) implements EndpointIdentity {
        public Rsa {
            ArgumentChecks.notNull(value, "value");
        }

        @Override
        public String elementName() {
            return "rsa";
        }
    }

    /**
     * {@code <certificate encodedValue>}: the service's certificate, base64 as written (a DER certificate, or .NET's
     * serialized certificate or store, which svcutil writes); the first certificate is the service's, the others its
     * chain (WCF {@code X509CertificateEndpointIdentity}).
     */
    record Certificate(String encodedValue) implements EndpointIdentity {
        public Certificate {
            ArgumentChecks.notNull(encodedValue, "encodedValue");
        }

        @Override
        public String elementName() {
            return "certificate";
        }
    }

    /**
     * {@code <certificateReference>}: the service's certificate, looked up in a certificate store (WCF
     * {@code X509CertificateEndpointIdentity} from {@code X509Store.Find}).
     *
     * @param storeName       {@code My}
     * @param storeLocation   {@code LocalMachine}
     * @param x509FindType    {@code FindBySubjectDistinguishedName}
     * @param findValue       {@code ""}
     * @param isChainIncluded {@code false}: only the certificate found, not its chain
     */
    record CertificateReference(StoreName storeName, StoreLocation storeLocation, X509FindType x509FindType,
            String findValue, boolean isChainIncluded) implements EndpointIdentity {

        public CertificateReference {
            ArgumentChecks.notNull(storeName, "storeName");
            ArgumentChecks.notNull(storeLocation, "storeLocation");
            ArgumentChecks.notNull(x509FindType, "x509FindType");
            ArgumentChecks.notNull(findValue, "findValue");
        }

        /** WCF's defaults ({@code EndpointIdentity.defaultStoreName} and siblings). */
        public static CertificateReference defaults() {
            return new CertificateReference(StoreName.My, StoreLocation.LocalMachine,
                    X509FindType.FindBySubjectDistinguishedName, "", false);
        }

        @Override
        public String elementName() {
            return "certificateReference";
        }
    }
}
