package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Map;
import java.util.Set;

/**
 * {@code <customBinding><binding>}: {@code name}, the four timeouts, and the binding-element extensions in document
 * order (which is the stack order). As in WCF, unknown attributes here are ignored (wcf4j warns).
 */
public class CustomBindingXml extends OrderedElementXml {
    private static final Set<String> ATTRIBUTES = Set.of(ConfigStrings.NAME, ConfigStrings.OPEN_TIMEOUT,
            ConfigStrings.CLOSE_TIMEOUT, ConfigStrings.RECEIVE_TIMEOUT, ConfigStrings.SEND_TIMEOUT);

    private static final Map<String, Class<? extends LocatedXml>> ELEMENTS = Map.ofEntries(
            Map.entry(ConfigStrings.RELIABLE_SESSION, ReliableSessionXml.class),
            Map.entry(ConfigStrings.SECURITY, SecurityXml.class),
            Map.entry(ConfigStrings.COMPOSITE_DUPLEX, CompositeDuplexXml.class),
            Map.entry(ConfigStrings.ONE_WAY, OneWayXml.class),
            Map.entry(ConfigStrings.TEXT_MESSAGE_ENCODING, TextMessageEncodingXml.class),
            Map.entry(ConfigStrings.BINARY_MESSAGE_ENCODING, BinaryMessageEncodingXml.class),
            Map.entry(ConfigStrings.MTOM_MESSAGE_ENCODING, MtomMessageEncodingXml.class),
            Map.entry(ConfigStrings.HTTP_TRANSPORT, HttpTransportXml.class),
            Map.entry(ConfigStrings.HTTPS_TRANSPORT, HttpsTransportXml.class),
            Map.entry(ConfigStrings.TCP_TRANSPORT, TcpTransportXml.class),
            Map.entry(ConfigStrings.TRANSACTION_FLOW, TransactionFlowXml.class),
            Map.entry(ConfigStrings.WINDOWS_STREAM_SECURITY, WindowsStreamSecurityXml.class),
            Map.entry(ConfigStrings.SSL_STREAM_SECURITY, SslStreamSecurityXml.class),
            Map.entry(ConfigStrings.CLEAR, CollectionItemXml.Clear.class),
            Map.entry(ConfigStrings.REMOVE, CollectionItemXml.Remove.class));

    @Override
    protected Set<String> attributeNames() {
        return ATTRIBUTES;
    }

    @Override
    protected boolean ignoresUnknownAttributes() {
        return true;
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        return ELEMENTS.get(name);
    }

    @Override
    protected boolean isKnownUnsupported(String name) {
        return WcfExtensionCatalog.bindingElement(name).isPresent();
    }

    public String configurationName() {
        String n = attribute(ConfigStrings.NAME);
        return n == null ? "" : n;
    }
}
