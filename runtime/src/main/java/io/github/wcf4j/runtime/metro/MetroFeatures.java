package io.github.wcf4j.runtime.metro;

import com.oracle.webservices.api.databinding.DatabindingModeFeature;
import com.oracle.webservices.api.databinding.ExternalMetadataFeature;
import com.sun.xml.ws.model.RuntimeModeler;
import io.github.wcf4j.runtime.contract.ContractDescription;
import jakarta.xml.ws.WebServiceFeature;
import jakarta.xml.ws.soap.AddressingFeature;

/**
 * The Metro features every wcf4j endpoint and proxy uses: Metro's WS-Addressing off (the channel stack owns the
 * envelope), WCF's naming defaults ({@link WcfDefaultsReader}), and no generated wrapper classes (Metro would generate
 * them from the real annotations only, and name them per package, so two contracts sharing an operation name would
 * collide).
 */
final class MetroFeatures {
    private MetroFeatures() {
    }

    /** For a proxy of a contract. */
    static WebServiceFeature[] forContract(ContractDescription contract) {
        return all(new WcfDefaultsReader(contract));
    }

    /** For hosting {@code implementation} as {@code contract}. */
    static WebServiceFeature[] forEndpoint(Class<?> implementation, ContractDescription contract) {
        return all(new WcfDefaultsReader(implementation, contract));
    }

    private static WebServiceFeature[] all(WcfDefaultsReader reader) {
        DatabindingModeFeature noWrapperBeans = new DatabindingModeFeature(DatabindingModeFeature.GLASSFISH_JAXB);
        noWrapperBeans.getProperties().put(RuntimeModeler.SuppressDocLitWrapperGeneration, Boolean.TRUE);
        noWrapperBeans.getProperties().put(RuntimeModeler.DocWrappeeNamespapceQualified, Boolean.TRUE);
        return new WebServiceFeature[] {
            new AddressingFeature(false),
            ExternalMetadataFeature.builder().setReader(reader).build(),
            noWrapperBeans
        };
    }
}
