package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.binding.transport.TransportBindingElement;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;

/** {@code <tcpTransport>}: {@code TransportElement}, {@code ConnectionOrientedTransportElement} and {@code TcpTransportElement}. */
public class TcpTransportXml extends BindingElementXml {
    @JacksonXmlProperty(isAttribute = true) public String manualAddressing;
    @JacksonXmlProperty(isAttribute = true) public String maxBufferPoolSize;
    @JacksonXmlProperty(isAttribute = true) public String maxReceivedMessageSize;
    @JacksonXmlProperty(isAttribute = true) public String connectionBufferSize;
    @JacksonXmlProperty(isAttribute = true) public String hostNameComparisonMode;
    @JacksonXmlProperty(isAttribute = true) public String channelInitializationTimeout;
    @JacksonXmlProperty(isAttribute = true) public String maxBufferSize;
    @JacksonXmlProperty(isAttribute = true) public String maxPendingConnections;
    @JacksonXmlProperty(isAttribute = true) public String maxOutputDelay;
    @JacksonXmlProperty(isAttribute = true) public String maxPendingAccepts;
    @JacksonXmlProperty(isAttribute = true) public String transferMode;
    @JacksonXmlProperty(isAttribute = true) public String listenBacklog;
    @JacksonXmlProperty(isAttribute = true) public String portSharingEnabled;
    @JacksonXmlProperty(isAttribute = true) public String teredoEnabled;
    public TcpConnectionPoolSettingsXml connectionPoolSettings;
    public ExtendedProtectionPolicyXml extendedProtectionPolicy;

    @Override
    public BindingElement toModel(ConfigContext ctx) {
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        for (String[] tuning : new String[][] {{"maxPendingAccepts", maxPendingAccepts},
                {"maxOutputDelay", maxOutputDelay}, {"connectionBufferSize", connectionBufferSize}}) {
            if (tuning[1] != null) {
                ctx.warning(this, "tcpTransport " + tuning[0] + " tunes WCF's own accept loop and write batching;"
                        + " wcf4j's net.tcp runs on Netty's event loops, which accept, buffer and flush their own way,"
                        + " so this setting has no effect (what an endpoint accepts and sends is unchanged).");
            }
        }
        notePortSharing(ctx, this, portSharingEnabled);
        ExtendedProtectionPolicyXml.report(extendedProtectionPolicy, ctx, "tcpTransport");
        return ctx.build(this, () -> new TcpTransportBindingElement(
                ctx.bool(this, "manualAddressing", manualAddressing, false),
                ctx.int64(this, "maxBufferPoolSize", maxBufferPoolSize, 1, Long.MAX_VALUE,
                        TransportBindingElement.DEFAULT_MAX_BUFFER_POOL_SIZE),
                ctx.int64(this, "maxReceivedMessageSize", maxReceivedMessageSize, 1, Long.MAX_VALUE,
                        TransportBindingElement.DEFAULT_MAX_RECEIVED_MESSAGE_SIZE),
                ctx.int32(this, "connectionBufferSize", connectionBufferSize, 1, Integer.MAX_VALUE,
                        d.connectionBufferSize()),
                ctx.enumValue(this, "hostNameComparisonMode", hostNameComparisonMode, HostNameComparisonMode.class,
                        d.hostNameComparisonMode()),
                ctx.positiveTimeout(this, "channelInitializationTimeout", channelInitializationTimeout,
                        d.channelInitializationTimeout()),
                ctx.int32(this, "maxBufferSize", maxBufferSize, 1, Integer.MAX_VALUE,
                        TcpBufferSize.whenUnset(transferMode, maxReceivedMessageSize)),
                ctx.int32(this, "maxPendingConnections", maxPendingConnections, 0, Integer.MAX_VALUE, 0),
                ctx.timeout(this, "maxOutputDelay", maxOutputDelay, d.maxOutputDelay()),
                ctx.int32(this, "maxPendingAccepts", maxPendingAccepts, 0, Integer.MAX_VALUE, 0),
                ctx.enumValue(this, "transferMode", transferMode, TransferMode.class, TransferMode.Buffered),
                ctx.int32(this, "listenBacklog", listenBacklog, 0, Integer.MAX_VALUE, 0),
                ctx.bool(this, "portSharingEnabled", portSharingEnabled, false),
                ctx.bool(this, "teredoEnabled", teredoEnabled, false),
                TcpConnectionPoolSettingsXml.toModel(connectionPoolSettings, ctx)),
                TcpTransportBindingElement::defaults);
    }

    /**
     * {@code portSharingEnabled="true"} (on {@code tcpTransport} or {@code netTcpBinding}): WCF hands the port to the
     * Windows Net.Tcp Port Sharing Service (SMSvcHost) so that several processes listen on it; the wire is the same
     * either way. A wcf4j host listens on the port itself, its endpoints sharing it; a client is unaffected.
     */
    static void notePortSharing(ConfigContext ctx, LocatedXml element, String value) {
        if (value != null && "true".equalsIgnoreCase(value.trim())) {
            ctx.warning(element, "portSharingEnabled=\"true\": a JVM has no Net.Tcp Port Sharing Service (SMSvcHost),"
                    + " so a wcf4j service listens on the port itself: the endpoints of one wcf4j host share it, as"
                    + " they would through SMSvcHost, but another process cannot listen on the same port (a client is"
                    + " unaffected).");
        }
    }
}
