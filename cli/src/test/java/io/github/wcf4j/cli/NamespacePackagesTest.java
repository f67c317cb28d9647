package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The packages {@code wcf4j contract} gives WCF's namespaces, and the .NET namespaces it reads from them. */
class NamespacePackagesTest {
    @Test
    void aDotNetNamespaceWrittenAsAHostKeepsItsOrder() {
        assertEquals(Optional.of("microsoft.servicemodel.samples"),
                NamespacePackages.of("http://Microsoft.ServiceModel.Samples"));
        assertEquals(Optional.of("Microsoft.ServiceModel.Samples"),
                NamespacePackages.dotNetNamespaceOf("http://Microsoft.ServiceModel.Samples"));
    }

    @Test
    void aDataContractsDefaultNamespaceIsItsClrNamespace() {
        assertEquals(Optional.of("contoso.orders.model"),
                NamespacePackages.of("http://schemas.datacontract.org/2004/07/Contoso.Orders.Model"));
        assertEquals(Optional.of("Contoso.Orders.Model"),
                NamespacePackages.dotNetNamespaceOf("http://schemas.datacontract.org/2004/07/Contoso.Orders.Model"));
    }

    @Test
    void otherHttpNamespacesMapAsJaxbMapsThem() {
        assertEquals(Optional.of("org.tempuri"), NamespacePackages.of("http://tempuri.org/"));
        assertEquals(Optional.of("com.contoso.orders._2024"),
                NamespacePackages.of("http://www.contoso.com/orders/2024"));
        assertEquals(Optional.empty(), NamespacePackages.dotNetNamespaceOf("http://tempuri.org/"));
    }

    @Test
    void wcfsSerializationNamespaceAndUrnsAreLeftToWsimport() {
        assertEquals(Optional.empty(), NamespacePackages.of("http://schemas.microsoft.com/2003/10/Serialization/"));
        assertEquals(Optional.empty(), NamespacePackages.of("urn:contoso:orders"));
    }
}
