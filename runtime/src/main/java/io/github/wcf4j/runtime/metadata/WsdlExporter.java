package io.github.wcf4j.runtime.metadata;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import io.github.wcf4j.binding.standard.BasicHttpsBinding;
import io.github.wcf4j.binding.standard.NetHttpBinding;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.OperationDescription;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Builds a service's metadata as WCF's {@code WsdlExporter} does (wcf-metadata.md §1–3): one WSDL document per target
 * namespace in creation order (each contract's namespace first, then the bindings' and the service's,
 * {@code http://tempuri.org/} by default), one message schema per contract namespace plus the Serialization schema,
 * WSDL bindings shared by endpoints with the same contract and binding, endpoint names
 * {@code {Binding.Name}_{Contract.Name}} made unique with {@code 1}, {@code 2}, ..., one policy per binding from
 * {@link PolicyAssertions}, and, under symmetric or asymmetric message security, one policy per message
 * ({@code {binding}_{operation}_Input_policy}, {@code ..._output_policy}) from {@link SecurityPolicy}. The result renders to bytes with {@link ServiceMetadata}.
 *
 * <pre>{@code
 * ServiceMetadata m = WsdlExporter.export(new QName("http://tempuri.org/", "CalculatorService"),
 *         List.of(new ExportedEndpoint("", ContractDescription.of(ICalculator.class), binding, address)), "Default");
 * byte[] wsdl = m.wsdl(URI.create("http://localhost:8000/ServiceModelSamples/service"));
 * }</pre>
 */
public final class WsdlExporter {
    /** WCF's namespace for bindings and services that name none. */
    public static final String TEMPURI = "http://tempuri.org/";

    private final PolicyVersion policy;
    private final ServiceMetadata.Model model;
    private final Map<String, ServiceMetadata.Doc> docs = new LinkedHashMap<>();
    private final Set<String> exportedContracts = new HashSet<>();
    private final Map<List<Object>, ServiceMetadata.BindingExport> bindings = new LinkedHashMap<>();
    private final Set<String> bindingNames = new HashSet<>();
    private final Set<String> portNames = new HashSet<>();
    private boolean nonAnonymousResponses;

    private WsdlExporter(QName service, PolicyVersion policy) {
        this.policy = policy;
        this.model = new ServiceMetadata.Model(service, policy);
    }

    /**
     * The metadata of a service.
     *
     * @param service       the service's WSDL name ({@code {http://tempuri.org/}CalculatorService})
     * @param endpoints     its endpoints (metadata-exchange endpoints excluded), in configuration order
     * @param policyVersion {@code <serviceMetadata policyVersion>}: {@code Default}, {@code Policy12} or
     *                      {@code Policy15}
     * @throws MetadataException when an operation's types cannot be described
     */
    public static ServiceMetadata export(QName service, List<ExportedEndpoint> endpoints, String policyVersion) {
        WsdlExporter e = new WsdlExporter(service, PolicyVersion.of(policyVersion));
        for (ExportedEndpoint endpoint : endpoints) {
            e.endpoint(endpoint);
        }
        e.model.docs.addAll(e.docs.values());
        return new ServiceMetadata(e.model);
    }

    private ServiceMetadata.Doc doc(String namespace) {
        return docs.computeIfAbsent(namespace, ServiceMetadata.Doc::new);
    }

    private void endpoint(ExportedEndpoint e) {
        ContractDescription contract = e.contract();
        contract(contract);
        MessageVersion version = e.binding().messageVersion().orElse(MessageVersion.SOAP12_WS_ADDRESSING10);
        List<Object> key = List.of(contract.type(), e.binding());
        String endpointName = !e.name().isEmpty() ? e.name() : e.binding().wcfName() + "_" + contract.name();
        ServiceMetadata.BindingExport b = bindings.get(key);
        if (b == null) {
            nonAnonymousResponses |= e.binding().find(CompositeDuplexBindingElement.class).isPresent();
            List<BindingElement> stack = e.binding().createBindingElements();
            boolean hasMessages = !contract.operations().isEmpty() || !contract.callbackOperations().isEmpty();
            String assertions = PolicyAssertions.of(stack, new PolicyAssertions.Context(policy, version.addressing(),
                    nonAnonymousResponses, emitsTrust(e.binding()), hasMessages));
            b = new ServiceMetadata.BindingExport(unique(endpointName, bindingNames), TEMPURI, contract, version,
                    transportUri(e.binding()), assertions, messageAssertions(stack, version));
            bindings.put(key, b);
            ServiceMetadata.Doc d = doc(TEMPURI);
            d.bindings.add(b);
            d.imports(contract.namespace());
        }
        ServiceMetadata.Doc serviceDoc = doc(model.service.getNamespaceURI());
        serviceDoc.ports.add(new ServiceMetadata.PortExport(unique(endpointName, portNames), b, e.address(),
                e.headers()));
        serviceDoc.imports(b.namespace());
    }

    private void contract(ContractDescription c) {
        if (!exportedContracts.add(c.type().getName())) {
            return;
        }
        ServiceMetadata.Doc d = doc(c.namespace());
        d.contracts.add(c);
        ServiceMetadata.Schema messages = schema(c.namespace());
        boolean usesTypes = false;
        boolean usesStreams = false;
        List<OperationDescription> all = new ArrayList<>(c.operations());
        all.addAll(c.callbackOperations());
        for (OperationDescription op : all) {
            List<ServiceMetadata.Element> request = new ArrayList<>();
            for (OperationDescription.Part p : op.parameters()) {
                request.add(new ServiceMetadata.Element(p.name(), DataContractTypes.of(p.type(),
                        "parameter '" + p.name() + "' of " + c.name() + "." + op.name())));
                usesStreams |= p.isStream();
                usesTypes |= !p.isStream();
            }
            messages.elements.add(new ServiceMetadata.Wrapper(op.name(), request));
            if (!op.oneWay()) {
                List<ServiceMetadata.Element> reply = new ArrayList<>();
                if (op.result().isPresent()) {
                    OperationDescription.Part r = op.result().get();
                    reply.add(new ServiceMetadata.Element(r.name(), DataContractTypes.of(r.type(),
                            "the result of " + c.name() + "." + op.name())));
                    usesStreams |= r.isStream();
                    usesTypes |= !r.isStream();
                }
                messages.elements.add(new ServiceMetadata.Wrapper(op.name() + "Response", reply));
            }
        }
        if (usesStreams) {
            schema(DataContractTypes.MESSAGE);
        }
        if (usesTypes) {
            schema(DataContractTypes.SERIALIZATION);
        }
        d.schemaImports.add(c.namespace());
        for (String ns : model.schemas.keySet()) {
            if (!d.schemaImports.contains(ns)) {
                d.schemaImports.add(ns);
            }
        }
    }

    private ServiceMetadata.Schema schema(String namespace) {
        return model.schemas.computeIfAbsent(namespace, ServiceMetadata.Schema::new);
    }

    /** {@code name}, or {@code name1}, {@code name2}, ... when taken (WCF's {@code NamingHelper.GetUniqueName}). */
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 1; !taken.add(candidate); i++) {
            candidate = name + i;
        }
        return candidate;
    }

    /**
     * The {@code sp:SignedParts} and {@code sp:EncryptedParts} every message of a symmetric or asymmetric security
     * element carries (the contract's default protection level, EncryptAndSign), or empty.
     */
    private static String messageAssertions(List<BindingElement> stack, MessageVersion version) {
        return stack.stream().filter(SecurityBindingElement.class::isInstance).map(SecurityBindingElement.class::cast)
                .findFirst().filter(SecurityPolicy::protectsMessages).map(security -> {
                    List<SecurityPolicy.Header> encrypted = new ArrayList<>();
                    List<SecurityPolicy.Header> signed = SecurityPolicy.signedHeaders(stack, version.addressing(),
                            encrypted);
                    return SecurityPolicy.messageParts(security, signed, encrypted);
                }).orElse("");
    }

    /** Whether security exports WS-Trust: not for the basic HTTP bindings (WCF's {@code DoNotEmitTrust}). */
    private static boolean emitsTrust(Binding b) {
        return !(b instanceof BasicHttpBinding || b instanceof BasicHttpsBinding || b instanceof NetHttpBinding);
    }

    private static String transportUri(Binding b) {
        return b.find(TcpTransportBindingElement.class).isPresent() ? "http://schemas.microsoft.com/soap/tcp"
                : "http://schemas.xmlsoap.org/soap/http";
    }

    /**
     * An endpoint to describe.
     *
     * @param name     the configured {@code <endpoint name>}, or empty for WCF's generated name
     * @param contract the contract it exposes
     * @param binding  its binding
     * @param address  its absolute address
     * @param headers  its address headers, exported as its endpoint reference's reference parameters
     */
    public record ExportedEndpoint(String name, ContractDescription contract, Binding binding, URI address,
            List<AddressHeader> headers) {
        public ExportedEndpoint {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(binding, "binding");
            Objects.requireNonNull(address, "address");
            headers = List.copyOf(headers);
        }

        /** An endpoint without address headers. */
        public ExportedEndpoint(String name, ContractDescription contract, Binding binding, URI address) {
            this(name, contract, binding, address, List.of());
        }
    }

    /**
     * The prefix of a message version's WSDL SOAP binding: {@code soap12} (SOAP 1.2) or {@code soap} (SOAP 1.1); none
     * ({@code null}) without an envelope, where WCF's {@code SoapHelper} writes no SOAP extension at all (no
     * {@code soap:binding}, {@code soap:operation}, {@code soap:body} or {@code soap:address}).
     */
    static String soapPrefix(MessageVersion v) {
        return v.envelope() == EnvelopeVersion.SOAP12 ? "soap12" : v.envelope() == EnvelopeVersion.SOAP11 ? "soap"
                : null;
    }

    static boolean addressed(MessageVersion v) {
        return v.addressing() != AddressingVersion.NONE;
    }
}
