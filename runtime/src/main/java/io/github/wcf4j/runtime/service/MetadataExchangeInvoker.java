package io.github.wcf4j.runtime.service;

import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.OperationDescription;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.metadata.IMetadataExchange;
import io.github.wcf4j.runtime.metadata.ServiceMetadata;
import java.util.function.Supplier;

/**
 * Answers WS-Transfer {@code Get} on a metadata-exchange endpoint as WCF's {@code WSMexImpl} does (wcf-metadata.md
 * §5.3): the request body is ignored and the reply is every WSDL, then every schema, inline in
 * {@code wsx:MetadataSection}s. The endpoint's dispatcher applies WCF's usual filters, so any other action gets
 * {@code ActionNotSupported}.
 */
public final class MetadataExchangeInvoker implements OperationInvoker {
    private final Supplier<ServiceMetadata> metadata;

    public MetadataExchangeInvoker(Supplier<ServiceMetadata> metadata) {
        this.metadata = metadata;
    }

    @Override
    public ContractDescription contract() {
        return ContractDescription.of(IMetadataExchange.class);
    }

    @Override
    public InvocationResult invoke(OperationDescription operation, XmlFragment body, Object session) {
        return InvocationResult.reply(new XmlFragment(metadataSet()), IMetadataExchange.GET_RESPONSE);
    }

    /** The {@code Metadata} element of the reply body. */
    String metadataSet() {
        return metadata.get().metadataSet();
    }

    @Override
    public void endSession(Object session) {
    }

    @Override
    public void close() {
    }
}
