package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.standard.NetTcpBinding;
import io.github.wcf4j.binding.standard.StandardReliableSession;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.config.read.ConfigContext;

/** {@code <netTcpBinding><binding>}. */
public class NetTcpBindingXml extends StandardBindingXml {
    @JacksonXmlProperty(isAttribute = true) public String transactionFlow;
    @JacksonXmlProperty(isAttribute = true) public String transferMode;
    @JacksonXmlProperty(isAttribute = true) public String transactionProtocol;
    @JacksonXmlProperty(isAttribute = true) public String hostNameComparisonMode;
    @JacksonXmlProperty(isAttribute = true) public String listenBacklog;
    @JacksonXmlProperty(isAttribute = true) public String maxBufferPoolSize;
    @JacksonXmlProperty(isAttribute = true) public String maxBufferSize;
    @JacksonXmlProperty(isAttribute = true) public String maxConnections;
    @JacksonXmlProperty(isAttribute = true) public String maxReceivedMessageSize;
    @JacksonXmlProperty(isAttribute = true) public String portSharingEnabled;
    public ReaderQuotasXml readerQuotas;
    public StandardReliableSessionXml.Optional reliableSession;
    public StandardSecurityXml.NetTcp security;

    @Override
    public Binding toModel(String section, ConfigContext ctx) {
        TcpTransportXml.notePortSharing(ctx, this, portSharingEnabled);
        NetTcpBinding d = NetTcpBinding.defaults(configurationName());
        return ctx.build(this, () -> new NetTcpBinding(configurationName(), timeouts(ctx),
                ctx.bool(this, "transactionFlow", transactionFlow, false),
                TransactionFlowXml.protocol(this, ctx, transactionProtocol),
                ctx.enumValue(this, "transferMode", transferMode, TransferMode.class, TransferMode.Buffered),
                ctx.enumValue(this, "hostNameComparisonMode", hostNameComparisonMode, HostNameComparisonMode.class,
                        HostNameComparisonMode.StrongWildcard),
                ctx.int32(this, "listenBacklog", listenBacklog, 0, Integer.MAX_VALUE, 0),
                ctx.int64(this, "maxBufferPoolSize", maxBufferPoolSize, 0, Long.MAX_VALUE, d.maxBufferPoolSize()),
                ctx.int32(this, "maxBufferSize", maxBufferSize, 1, Integer.MAX_VALUE,
                        TcpBufferSize.whenUnset(transferMode, maxReceivedMessageSize)),
                ctx.int32(this, "maxConnections", maxConnections, 0, Integer.MAX_VALUE, 0),
                ctx.int64(this, "maxReceivedMessageSize", maxReceivedMessageSize, 1, Long.MAX_VALUE,
                        d.maxReceivedMessageSize()),
                ctx.bool(this, "portSharingEnabled", portSharingEnabled, false),
                ReaderQuotasXml.toModel(readerQuotas, ctx),
                StandardReliableSessionXml.toModel(reliableSession, ctx, StandardReliableSession.disabled()),
                StandardSecurityXml.toModel(security, ctx, NetTcpBinding.defaultSecurity())), () -> d);
    }
}
