package io.github.wcf4j.runtime.metadata;

import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.stack.SessionMode;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.OperationDescription;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.namespace.QName;

/**
 * A service's metadata documents, written byte for byte as WCF writes them (wcf-metadata.md): the WSDL documents
 * ({@code ?wsdl} holds the service, the others are {@code ?wsdl=wsdl0}, ...), the schemas ({@code ?xsd=xsd0}, ...),
 * {@code ?singleWsdl}, and the sections of a WS-MetadataExchange answer. Import locations are the metadata address
 * (the base address, or {@code httpGetUrl}) with the document's query; a metadata-exchange answer has none.
 * Immutable and thread-safe once built by {@link WsdlExporter}.
 */
public final class ServiceMetadata {
    static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    static final String MSC = "http://schemas.microsoft.com/ws/2005/12/wsdl/contract";
    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("wsdl", WSDL),
            Map.entry("xsd", DataContractTypes.XS),
            Map.entry("wsu", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"),
            Map.entry("wsa", "http://schemas.xmlsoap.org/ws/2004/08/addressing"),
            Map.entry("wsap", "http://schemas.xmlsoap.org/ws/2004/08/addressing/policy"),
            Map.entry("wsa10", "http://www.w3.org/2005/08/addressing"),
            Map.entry("wsaw", "http://www.w3.org/2006/05/addressing/wsdl"),
            Map.entry("wsam", "http://www.w3.org/2007/05/addressing/metadata"),
            Map.entry("wsx", "http://schemas.xmlsoap.org/ws/2004/09/mex"),
            Map.entry("msc", MSC),
            Map.entry("soapenc", "http://schemas.xmlsoap.org/soap/encoding/"),
            Map.entry("soap12", "http://schemas.xmlsoap.org/wsdl/soap12/"),
            Map.entry("soap", "http://schemas.xmlsoap.org/wsdl/soap/"));

    private final Model model;
    private final Map<String, Doc> byQuery = new LinkedHashMap<>();
    private final Doc serviceDoc;

    ServiceMetadata(Model model) {
        this.model = model;
        Doc service = null;
        int n = 0;
        for (Doc d : model.docs) {
            if (service == null && !d.ports.isEmpty()) {
                service = d;
            } else {
                byQuery.put("wsdl=wsdl" + n++, d);
            }
        }
        this.serviceDoc = service != null ? service : model.docs.get(0);
    }

    // ---------------------------------------------------------------- what is served

    /** {@code ?wsdl}: the document holding the service. */
    public byte[] wsdl(URI metadataAddress) {
        return bytes(true, document(serviceDoc, metadataAddress.toString(), true));
    }

    /**
     * The document for a query ({@code wsdl}, {@code wsdl=wsdl0}, {@code xsd=xsd1}, {@code singleWsdl}; keys are
     * case-insensitive as WCF's), or empty when there is none.
     */
    public Optional<byte[]> get(String query, URI metadataAddress) {
        String q = query.toLowerCase(Locale.ROOT);
        String base = metadataAddress.toString();
        if (q.equals("wsdl")) {
            return Optional.of(wsdl(metadataAddress));
        }
        if (q.equals("singlewsdl")) {
            return Optional.of(bytes(true, singleWsdl(base)));
        }
        for (Map.Entry<String, Doc> e : byQuery.entrySet()) {
            if (e.getKey().equals(q)) {
                return Optional.of(bytes(true, document(e.getValue(), base, true)));
            }
        }
        List<Schema> schemas = new ArrayList<>(model.schemas.values());
        for (int i = 0; i < schemas.size(); i++) {
            if (q.equals("xsd=xsd" + i)) {
                return Optional.of(bytes(true, schema(schemas.get(i), true)));
            }
        }
        return Optional.empty();
    }

    /**
     * The sections of a WS-MetadataExchange {@code GetResponse}: every WSDL in creation order, then every schema,
     * inline, imports without locations.
     *
     * @return (dialect, identifier, XML without declaration) per section
     */
    public List<String[]> sections() {
        List<String[]> out = new ArrayList<>();
        for (Doc d : model.docs) {
            out.add(new String[] {WSDL, d.namespace, document(d, null, false)});
        }
        for (Schema s : model.schemas.values()) {
            out.add(new String[] {DataContractTypes.XS, s.namespace, schema(s, false)});
        }
        return out;
    }

    /**
     * The body of a WS-Transfer {@code GetResponse} (WCF's {@code MetadataSet}): a {@code Metadata} element with one
     * {@code wsx:MetadataSection} per document, each with {@code Dialect}, {@code Identifier} and {@code xmlns=""}.
     */
    public String metadataSet() {
        String mex = "http://schemas.xmlsoap.org/ws/2004/09/mex";
        XmlOut out = new XmlOut().start("Metadata").xmlns("", mex).xmlns("wsx", mex);
        for (String[] section : sections()) {
            out.start("wsx:MetadataSection").attr("Dialect", section[0]);
            if (section[1] != null && !section[1].isEmpty()) {
                out.attr("Identifier", section[1]);
            }
            out.xmlns("", "").raw(section[2]).end();
        }
        return out.end().toString();
    }

    /** The contract namespaces, when {@code ?singleWsdl} is not possible (several), WCF's error text. */
    Optional<String> singleWsdlProblem() {
        long contractDocs = model.docs.stream().filter(d -> !d.contracts.isEmpty()).count();
        if (contractDocs <= 1) {
            return Optional.empty();
        }
        StringBuilder names = new StringBuilder();
        model.docs.stream().filter(d -> !d.contracts.isEmpty()).forEach(d -> names.append(names.length() == 0
                ? "" : ", ").append(d.namespace));
        return Optional.of("A single WSDL document could not be generated for this service. Multiple service"
                + " contract namespaces were found (" + names + "). Ensure that all your service contracts have the"
                + " same namespace.");
    }

    private static byte[] bytes(boolean declaration, String xml) {
        return ((declaration ? "<?xml version=\"1.0\" encoding=\"utf-8\"?>" : "") + xml)
                .getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- writing

    private String wspNamespace() {
        return model.policy.namespace();
    }

    private String uri(String prefix) {
        return prefix.equals("wsp") ? wspNamespace() : PREFIXES.get(prefix);
    }

    /** One WSDL document; {@code base} null: imports without locations (metadata exchange). */
    private String document(Doc d, String base, boolean withMex) {
        Map<String, String> imports = new LinkedHashMap<>();
        for (String ns : d.imports) {
            imports.put(ns, "i" + imports.size());
        }
        List<String> extra = new ArrayList<>();
        extra.add("tns");
        extra.addAll(imports.values());
        XmlOut out = new XmlOut().start("wsdl:definitions");
        if (d == serviceDoc) {
            out.attr("name", model.service.getLocalPart());
        }
        out.attr("targetNamespace", d.namespace);
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put("tns", d.namespace);
        imports.forEach((ns, prefix) -> declared.put(prefix, ns));
        for (String prefix : ClrNamespaceOrder.of(extra)) {
            if (!withMex && prefix.equals("wsx")) {
                continue;
            }
            out.xmlns(prefix, declared.containsKey(prefix) ? declared.get(prefix) : uri(prefix));
        }
        policies(out, d.bindings);
        for (Map.Entry<String, String> i : imports.entrySet()) {
            out.start("wsdl:import").attr("namespace", i.getKey());
            if (base != null) {
                out.attr("location", base + "?wsdl=" + queryOf(i.getKey()));
            }
            out.end();
        }
        types(out, d, base, false);
        messagesAndPortTypes(out, d.contracts);
        bindings(out, d.bindings, prefixFor(d, imports));
        services(out, d.ports, prefixFor(d, imports));
        return out.end().toString();
    }

    /** How a document refers to a namespace: {@code tns} for its own, {@code iN} for an imported one. */
    private static Function<String, String> prefixFor(Doc d, Map<String, String> imports) {
        return ns -> ns.equals(d.namespace) ? "tns" : imports.get(ns);
    }

    private String queryOf(String namespace) {
        for (Map.Entry<String, Doc> e : byQuery.entrySet()) {
            if (e.getValue().namespace.equals(namespace)) {
                return e.getKey().substring("wsdl=".length());
            }
        }
        return "";
    }

    /**
     * Each binding's policies in WCF's order: the endpoint's ({@code {binding}_policy}), then each operation's
     * messages' ({@code {binding}_{operation}_Input_policy} for a message to the service,
     * {@code ..._output_policy} for one from it).
     */
    private void policies(XmlOut out, List<BindingExport> bindings) {
        for (BindingExport b : bindings) {
            policy(out, b.name + "_policy", b.assertions);
            if (b.messageAssertions.isEmpty()) {
                continue;
            }
            for (Exchange x : Exchange.of(b.contract)) {
                policy(out, messagePolicyId(b, x, true), b.messageAssertions);
                if (!x.op.oneWay()) {
                    policy(out, messagePolicyId(b, x, false), b.messageAssertions);
                }
            }
        }
    }

    private static void policy(XmlOut out, String id, String assertions) {
        if (assertions.isEmpty()) {
            return;
        }
        out.start("wsp:Policy").attr("wsu:Id", id).start("wsp:ExactlyOne").start("wsp:All").raw(assertions).end()
                .end().end();
    }

    /** WCF's message policy key: the message's direction, {@code Input} (to the service) or {@code output}. */
    private static String messagePolicyId(BindingExport b, Exchange x, boolean first) {
        return b.name + "_" + x.op.name() + (x.direction(first).equals("wsdl:input") ? "_Input_policy"
                : "_output_policy");
    }

    private void types(XmlOut out, Doc d, String base, boolean inline) {
        if (d.contracts.isEmpty()) {
            out.empty("wsdl:types");
            return;
        }
        out.start("wsdl:types").start("xsd:schema").attr("targetNamespace", importsNamespace(d.namespace));
        for (String ns : d.schemaImports) {
            out.start("xsd:import");
            if (base != null) {
                out.attr("schemaLocation", base + "?xsd=xsd" + schemaIndex(ns));
            }
            out.attr("namespace", ns).end();
        }
        out.end().end();
    }

    private static String importsNamespace(String ns) {
        return ns.endsWith("/") ? ns + "Imports" : ns + "/Imports";
    }

    private int schemaIndex(String namespace) {
        return new ArrayList<>(model.schemas.keySet()).indexOf(namespace);
    }

    private void messagesAndPortTypes(XmlOut out, List<ContractDescription> contracts) {
        for (ContractDescription c : contracts) {
            for (Exchange x : Exchange.of(c)) {
                message(out, x.message(c, true), x.op.name());
                if (!x.op.oneWay()) {
                    message(out, x.message(c, false), x.op.name() + "Response");
                }
            }
        }
        String action = model.policy == PolicyVersion.POLICY15 ? "wsam:Action" : "wsaw:Action";
        for (ContractDescription c : contracts) {
            out.start("wsdl:portType");
            if (c.sessionMode() != SessionMode.Allowed) {
                out.attr("msc:usingSession", c.sessionMode() == SessionMode.Required ? "true" : "false");
            }
            out.attr("name", c.name());
            for (Exchange x : Exchange.of(c)) {
                out.start("wsdl:operation");
                if (c.sessionMode() == SessionMode.Required) {
                    out.attr("msc:isInitiating", "true").attr("msc:isTerminating", "false");
                }
                out.attr("name", x.op.name());
                out.empty(x.direction(true), action, x.op.action(), "message", "tns:" + x.message(c, true));
                if (!x.op.oneWay()) {
                    out.empty(x.direction(false), action, x.op.replyAction(), "message",
                            "tns:" + x.message(c, false));
                }
                out.end();
            }
            out.end();
        }
    }

    /**
     * An operation as WSDL shows it: a service operation is client-initiated (input, then output), a callback
     * operation server-initiated (output, then input), and WCF names the callback's messages {@code ...Callback...}
     * ({@code MessageContractExporter.GetMessageName}).
     */
    private record Exchange(OperationDescription op, boolean callback) {
        /** The contract's operations, then its callback operations, as WCF lists them. */
        static List<Exchange> of(ContractDescription c) {
            List<Exchange> all = new ArrayList<>();
            c.operations().forEach(op -> all.add(new Exchange(op, false)));
            c.callbackOperations().forEach(op -> all.add(new Exchange(op, true)));
            return all;
        }

        /** {@code wsdl:input} or {@code wsdl:output}, for the request ({@code first}) or the reply. */
        String direction(boolean first) {
            return first != callback ? "wsdl:input" : "wsdl:output";
        }

        /** The WSDL message of the request ({@code first}) or the reply. */
        String message(ContractDescription c, boolean first) {
            return c.name() + "_" + op.name() + (first != callback ? "_Input" : "_Output")
                    + (callback ? "CallbackMessage" : "Message");
        }
    }

    private static void message(XmlOut out, String name, String element) {
        out.start("wsdl:message").attr("name", name).empty("wsdl:part", "name", "parameters", "element",
                "tns:" + element).end();
    }

    private void bindings(XmlOut out, List<BindingExport> bindings,
            Function<String, String> prefix) {
        for (BindingExport b : bindings) {
            String soap = WsdlExporter.soapPrefix(b.version);
            out.start("wsdl:binding").attr("name", b.name).attr("type",
                    prefix.apply(b.contract.namespace()) + ":" + b.contract.name());
            if (!b.assertions.isEmpty()) {
                out.empty("wsp:PolicyReference", "URI", "#" + b.name + "_policy");
            }
            if (soap != null) {
                out.empty(soap + ":binding", "transport", b.transport);
            }
            for (Exchange x : Exchange.of(b.contract)) {
                out.start("wsdl:operation").attr("name", x.op.name());
                if (soap != null) {
                    out.empty(soap + ":operation", "soapAction", x.op.action(), "style", "document");
                }
                messageBinding(out, x.direction(true), soap, messagePolicy(b, x, true));
                if (!x.op.oneWay()) {
                    messageBinding(out, x.direction(false), soap, messagePolicy(b, x, false));
                }
                out.end();
            }
            out.end();
        }
    }

    /** The message's policy id when it has one, else null. */
    private static String messagePolicy(BindingExport b, Exchange x, boolean first) {
        return b.messageAssertions.isEmpty() ? null : messagePolicyId(b, x, first);
    }

    /**
     * A binding's {@code wsdl:input}/{@code wsdl:output}: its policy reference if any, then the literal SOAP body, or
     * no body without an envelope.
     */
    private static void messageBinding(XmlOut out, String direction, String soap, String policyId) {
        if (soap == null && policyId == null) {
            out.empty(direction);
            return;
        }
        out.start(direction);
        if (policyId != null) {
            out.empty("wsp:PolicyReference", "URI", "#" + policyId);
        }
        if (soap != null) {
            out.empty(soap + ":body", "use", "literal");
        }
        out.end();
    }

    /** A port: its binding and, with an envelope, its SOAP address; its WS-Addressing endpoint reference if any. */
    private static void port(XmlOut out, PortExport p, String binding) {
        String soap = WsdlExporter.soapPrefix(p.binding.version);
        out.start("wsdl:port").attr("name", p.name).attr("binding", binding);
        if (soap != null) {
            out.empty(soap + ":address", "location", p.address.toString());
        }
        endpointReference(out, p);
        out.end();
    }

    /**
     * A port's {@code EndpointReference} under WS-Addressing: its address and, when the endpoint has address headers,
     * their XML as its reference parameters (WCF's {@code EndpointAddress.WriteContentsTo}).
     */
    private static void endpointReference(XmlOut out, PortExport p) {
        if (!WsdlExporter.addressed(p.binding.version)) {
            return;
        }
        String wsa = p.binding.version.addressing() == AddressingVersion.WS_ADDRESSING_10 ? "wsa10" : "wsa";
        out.start(wsa + ":EndpointReference").start(wsa + ":Address").text(p.address.toString()).end();
        if (!p.headers.isEmpty()) {
            out.start(wsa + ":ReferenceParameters");
            p.headers.forEach(h -> out.raw(h.xml()));
            out.end();
        }
        out.end();
    }

    private void services(XmlOut out, List<PortExport> ports, Function<String, String> prefix) {
        if (ports.isEmpty()) {
            return;
        }
        out.start("wsdl:service").attr("name", model.service.getLocalPart());
        for (PortExport p : ports) {
            port(out, p, prefix.apply(p.binding.namespace) + ":" + p.binding.name);
        }
        out.end();
    }

    /** A message schema ({@code standalone}: with {@code xmlns:xs} and {@code xmlns:tns}) or the Serialization one. */
    private String schema(Schema s, boolean standalone) {
        if (s.namespace.equals(DataContractTypes.SERIALIZATION)) {
            return SerializationSchema.XML;
        }
        if (s.namespace.equals(DataContractTypes.MESSAGE)) {
            return StreamBodySchema.XML;
        }
        return messageSchema(s, true, true);
    }

    private String messageSchema(Schema s, boolean declareXs, boolean declareTns) {
        XmlOut out = new XmlOut().start("xs:schema").attr("elementFormDefault", "qualified")
                .attr("targetNamespace", s.namespace);
        if (declareXs) {
            out.xmlns("xs", DataContractTypes.XS);
        }
        if (declareTns) {
            out.xmlns("tns", s.namespace);
        }
        boolean serialization = s.elements.stream().flatMap(w -> w.parts.stream())
                .anyMatch(e -> e.type.serialization());
        if (serialization) {
            out.empty("xs:import", "namespace", DataContractTypes.SERIALIZATION);
        }
        if (s.elements.stream().flatMap(w -> w.parts.stream()).anyMatch(e -> e.type.stream())) {
            out.empty("xs:import", "namespace", DataContractTypes.MESSAGE);
        }
        int q = 0;
        for (Wrapper w : s.elements) {
            out.start("xs:element").attr("name", w.name).start("xs:complexType");
            if (w.parts.isEmpty()) {
                out.empty("xs:sequence");
            } else {
                out.start("xs:sequence");
                for (Element e : w.parts) {
                    if (e.type.stream()) {
                        out.start("xs:element").attr("name", e.name).attr("type", "q" + ++q + ":StreamBody")
                                .xmlns("q" + q, DataContractTypes.MESSAGE).end();
                        continue;
                    }
                    out.start("xs:element").attr("minOccurs", "0").attr("name", e.name);
                    if (e.type.nillable()) {
                        out.attr("nillable", "true");
                    }
                    QName t = e.type.type();
                    if (e.type.serialization()) {
                        String p = "q" + ++q;
                        out.attr("type", p + ":" + t.getLocalPart()).xmlns(p, DataContractTypes.SERIALIZATION);
                    } else {
                        out.attr("type", "xs:" + t.getLocalPart());
                    }
                    out.end();
                }
                out.end();
            }
            out.end().end();
        }
        return out.end().toString();
    }

    /**
     * {@code ?singleWsdl}: the contract document carrying everything, the schemas inline, the service and bindings
     * moved into the contract namespace.
     */
    private String singleWsdl(String base) {
        Optional<String> problem = singleWsdlProblem();
        if (problem.isPresent()) {
            throw new MetadataException(problem.get());
        }
        Doc contractDoc = model.docs.stream().filter(d -> !d.contracts.isEmpty()).findFirst().orElse(serviceDoc);
        List<BindingExport> bindings = new ArrayList<>();
        List<PortExport> ports = new ArrayList<>();
        for (Doc d : model.docs) {
            bindings.addAll(d.bindings);
            ports.addAll(d.ports);
        }
        XmlOut out = new XmlOut().start("wsdl:definitions").attr("name", model.service.getLocalPart())
                .attr("targetNamespace", contractDoc.namespace);
        for (String prefix : ClrNamespaceOrder.singleWsdl(List.of("tns"))) {
            out.xmlns(prefix, prefix.equals("tns") ? contractDoc.namespace : uri(prefix));
        }
        policies(out, bindings);
        out.start("wsdl:types");
        for (Schema s : model.schemas.values()) {
            out.raw(s.namespace.equals(DataContractTypes.SERIALIZATION) ? SerializationSchema.XML
                    : s.namespace.equals(DataContractTypes.MESSAGE) ? StreamBodySchema.XML
                    : messageSchema(s, true, !s.namespace.equals(contractDoc.namespace)));
        }
        out.end();
        messagesAndPortTypes(out, contractDoc.contracts);
        Function<String, String> tns = ns -> "tns";
        bindings(out, bindings, tns);
        out.start("wsdl:service").attr("name", model.service.getLocalPart());
        for (PortExport p : ports) {
            port(out, p, "tns:" + p.binding.name);
        }
        return out.end().end().toString();
    }

    // ---------------------------------------------------------------- the model the exporter fills

    /** Everything exported, in WCF's creation order. */
    static final class Model {
        final QName service;
        final PolicyVersion policy;
        final List<Doc> docs = new ArrayList<>();
        final Map<String, Schema> schemas = new LinkedHashMap<>();

        Model(QName service, PolicyVersion policy) {
            this.service = service;
            this.policy = policy;
        }
    }

    /** One WSDL document: a target namespace and what it holds. */
    static final class Doc {
        final String namespace;
        final List<String> imports = new ArrayList<>();
        final List<String> schemaImports = new ArrayList<>();
        final List<ContractDescription> contracts = new ArrayList<>();
        final List<BindingExport> bindings = new ArrayList<>();
        final List<PortExport> ports = new ArrayList<>();

        Doc(String namespace) {
            this.namespace = namespace;
        }

        void imports(String ns) {
            if (!ns.equals(namespace) && !imports.contains(ns)) {
                imports.add(ns);
            }
        }
    }

    /** A message schema: the wrapper elements of its contracts' operations. */
    static final class Schema {
        final String namespace;
        final List<Wrapper> elements = new ArrayList<>();

        Schema(String namespace) {
            this.namespace = namespace;
        }
    }

    record Wrapper(String name, List<Element> parts) {
    }

    record Element(String name, DataContractTypes.XsdType type) {
    }

    /**
     * A WSDL binding.
     *
     * @param assertions        its endpoint policy's assertions, empty for none
     * @param messageAssertions the policy assertions of each of its messages, empty for none
     */
    record BindingExport(String name, String namespace, ContractDescription contract, MessageVersion version,
            String transport, String assertions, String messageAssertions) {
    }

    record PortExport(String name, BindingExport binding, URI address, List<AddressHeader> headers) {
    }
}
