package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.stack.ElementKind;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names WCF knows without any {@code <extensions>} entry: the sections of {@code <system.serviceModel>}, the binding
 * sections, binding-element extensions and behavior extensions that .NET Framework 4.x registers (reference source
 * {@code ExtensionsSection.InitializeDefault} plus the 4.x {@code machine.config}). A configuration may use any of them;
 * wcf4j reads the ones it models and reports the others as unsupported, never as unrecognized.
 */
public final class WcfExtensionCatalog {
    private static final String SM = ", System.ServiceModel, Version=4.0.0.0, Culture=neutral,"
            + " PublicKeyToken=b77a5c561934e089";

    /** Sections of {@code <system.serviceModel>} that wcf4j does not read (ignored with a warning where it matters). */
    public static final Set<String> UNSUPPORTED_SECTIONS = Set.of("comContracts", "commonBehaviors",
            "machineSettings", "routing", "tracking");

    /**
     * The standard endpoint kinds .NET Framework 4.x knows without an {@code <endpointExtensions>} entry:
     * {@code mexEndpoint} (built into {@code StandardEndpointsSection}) and the 4.x {@code machine.config} extensions.
     */
    public static final Set<String> STANDARD_ENDPOINT_KINDS = Set.of("mexEndpoint", "dynamicEndpoint",
            "discoveryEndpoint", "udpDiscoveryEndpoint", "announcementEndpoint", "udpAnnouncementEndpoint",
            "workflowControlEndpoint", "webHttpEndpoint", "webScriptEndpoint");

    /** Binding sections WCF registers that wcf4j does not model. */
    public static final Set<String> UNSUPPORTED_BINDING_SECTIONS = Set.of("msmqIntegrationBinding", "netMsmqBinding",
            "netNamedPipeBinding", "netPeerTcpBinding", "wsFederationHttpBinding", "ws2007FederationHttpBinding",
            "udpBinding", "wsHttpContextBinding",
            "netTcpContextBinding", "basicHttpContextBinding", "webHttpBinding");

    /** A built-in binding-element extension: its WCF config class and its role in the stack rules. */
    public record BindingElementExtension(String configType, ElementKind kind) {
    }

    private static final Map<String, BindingElementExtension> BINDING_ELEMENTS = Map.ofEntries(
            be(ConfigStrings.BINARY_MESSAGE_ENCODING, "BinaryMessageEncodingElement", ElementKind.MESSAGE_ENCODING),
            be(ConfigStrings.COMPOSITE_DUPLEX, "CompositeDuplexElement", ElementKind.PROTOCOL),
            be(ConfigStrings.ONE_WAY, "OneWayElement", ElementKind.PROTOCOL),
            be(ConfigStrings.TRANSACTION_FLOW, "TransactionFlowElement", ElementKind.PROTOCOL),
            be(ConfigStrings.HTTPS_TRANSPORT, "HttpsTransportElement", ElementKind.TRANSPORT),
            be(ConfigStrings.HTTP_TRANSPORT, "HttpTransportElement", ElementKind.TRANSPORT),
            be("msmqIntegration", "MsmqIntegrationElement", ElementKind.TRANSPORT),
            be("msmqTransport", "MsmqTransportElement", ElementKind.TRANSPORT),
            be(ConfigStrings.MTOM_MESSAGE_ENCODING, "MtomMessageEncodingElement", ElementKind.MESSAGE_ENCODING),
            be("namedPipeTransport", "NamedPipeTransportElement", ElementKind.TRANSPORT),
            be("peerTransport", "PeerTransportElement", ElementKind.TRANSPORT),
            be("pnrpPeerResolver", "PnrpPeerResolverElement", ElementKind.PROTOCOL),
            be("privacyNoticeAt", "PrivacyNoticeElement", ElementKind.PROTOCOL),
            be(ConfigStrings.RELIABLE_SESSION, "ReliableSessionElement", ElementKind.PROTOCOL),
            be(ConfigStrings.SECURITY, "SecurityElement", ElementKind.PROTOCOL),
            be(ConfigStrings.SSL_STREAM_SECURITY, "SslStreamSecurityElement", ElementKind.STREAM_UPGRADE),
            be(ConfigStrings.TCP_TRANSPORT, "TcpTransportElement", ElementKind.TRANSPORT),
            be(ConfigStrings.TEXT_MESSAGE_ENCODING, "TextMessageEncodingElement", ElementKind.MESSAGE_ENCODING),
            be("unrecognizedPolicyAssertions", "UnrecognizedPolicyAssertionElement", ElementKind.PROTOCOL),
            be("useManagedPresentation", "UseManagedPresentationElement", ElementKind.PROTOCOL),
            be(ConfigStrings.WINDOWS_STREAM_SECURITY, "WindowsStreamSecurityElement", ElementKind.STREAM_UPGRADE),
            be("udpTransport", "UdpTransportElement", ElementKind.TRANSPORT),
            be("webMessageEncoding", "WebMessageEncodingElement", ElementKind.MESSAGE_ENCODING),
            be("context", "ContextBindingElementExtensionElement", ElementKind.PROTOCOL),
            be("byteStreamMessageEncoding", "ByteStreamMessageEncodingElement", ElementKind.MESSAGE_ENCODING),
            be("discoveryClient", "DiscoveryClientElement", ElementKind.PROTOCOL));

    /** Behavior extensions that only service behaviors accept. */
    public static final Set<String> SERVICE_BEHAVIOR_EXTENSIONS = Set.of("serviceCredentials", "serviceMetadata",
            "serviceDebug", "serviceHealth", "serviceAuthenticationManager", "serviceAuthorization",
            "serviceSecurityAudit", "serviceThrottling", "serviceTimeouts", "useRequestHeadersForMetadataAddress",
            "persistenceProvider", "workflowRuntime", "serviceDiscovery", "etwTracking", "routing",
            "workflowIdle", "workflowUnhandledException", "bufferedReceive", "sqlWorkflowInstanceStore",
            "workflowInstanceManagement");

    /** Behavior extensions that only endpoint behaviors accept. */
    public static final Set<String> ENDPOINT_BEHAVIOR_EXTENSIONS = Set.of("clientCredentials", "callbackDebug",
            "clientVia", "synchronousReceive", "dispatcherSynchronization", "transactedBatching", "callbackTimeouts",
            "enableWebScript", "webHttp", "endpointDiscovery", "soapProcessing");

    /** Behavior extensions both kinds of behavior accept. */
    public static final Set<String> SHARED_BEHAVIOR_EXTENSIONS = Set.of("dataContractSerializer",
            "sendMessageChannelCache");

    private WcfExtensionCatalog() {
    }

    private static Map.Entry<String, BindingElementExtension> be(String name, String configClass, ElementKind kind) {
        return Map.entry(name, new BindingElementExtension("System.ServiceModel.Configuration." + configClass + SM,
                kind));
    }

    /** The built-in binding-element extension named {@code name}. */
    public static Optional<BindingElementExtension> bindingElement(String name) {
        return Optional.ofNullable(BINDING_ELEMENTS.get(name));
    }

    /** Whether {@code name} is a behavior extension WCF registers by default. */
    public static boolean isBehaviorExtension(String name) {
        return SERVICE_BEHAVIOR_EXTENSIONS.contains(name) || ENDPOINT_BEHAVIOR_EXTENSIONS.contains(name)
                || SHARED_BEHAVIOR_EXTENSIONS.contains(name);
    }

    /**
     * The stack role of a custom extension, guessed from its registered .NET type name (a {@code ...TransportElement}
     * is a transport, a {@code ...EncodingElement} an encoder), as WCF would learn from the type itself.
     */
    public static ElementKind guessKind(String registeredType) {
        String simple = registeredType == null ? "" : registeredType.split(",")[0];
        if (simple.contains("Transport")) {
            return ElementKind.TRANSPORT;
        }
        if (simple.contains("Encod")) {
            return ElementKind.MESSAGE_ENCODING;
        }
        return ElementKind.PROTOCOL;
    }
}
