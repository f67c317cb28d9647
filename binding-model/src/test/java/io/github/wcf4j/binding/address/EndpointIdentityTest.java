package io.github.wcf4j.binding.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The identity kinds and address headers of an endpoint address. */
class EndpointIdentityTest {

    @Test
    void certificateReferenceDefaultsAreEndpointIdentitysDefaults() {
        EndpointIdentity.CertificateReference d = EndpointIdentity.CertificateReference.defaults();
        assertEquals(StoreName.My, d.storeName());
        assertEquals(StoreLocation.LocalMachine, d.storeLocation());
        assertEquals(X509FindType.FindBySubjectDistinguishedName, d.x509FindType());
        assertEquals("", d.findValue());
        assertEquals(false, d.isChainIncluded());
    }

    @Test
    void eachKindNamesItsElement() {
        List<EndpointIdentity> kinds = List.of(new EndpointIdentity.UserPrincipalName("u"),
                new EndpointIdentity.ServicePrincipalName("s"), new EndpointIdentity.Dns("d"),
                new EndpointIdentity.Rsa("r"), new EndpointIdentity.Certificate("c"),
                EndpointIdentity.CertificateReference.defaults());
        assertEquals(List.of("userPrincipalName", "servicePrincipalName", "dns", "rsa", "certificate",
                "certificateReference"), kinds.stream().map(EndpointIdentity::elementName).toList());
    }

    @Test
    void dotNetEnumsKeepDotNetsOrder() {
        assertEquals("AddressBook", StoreName.values()[0].name());
        assertEquals(List.of(StoreLocation.CurrentUser, StoreLocation.LocalMachine), List.of(StoreLocation.values()));
        assertEquals(15, X509FindType.values().length);
        assertEquals(X509FindType.FindBySubjectKeyIdentifier, X509FindType.values()[14]);
    }

    @Test
    void anAddressHeaderHasAName() {
        assertThrows(IllegalArgumentException.class, () -> new AddressHeader("", "", "<x/>"));
    }
}
