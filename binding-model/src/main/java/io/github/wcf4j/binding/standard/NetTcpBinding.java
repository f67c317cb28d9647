package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.binding.security.WindowsStreamSecurityBindingElement;
import io.github.wcf4j.binding.transaction.TransactionFlowBindingElement;
import io.github.wcf4j.binding.transaction.TransactionProtocol;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.TcpConnectionPoolSettings;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary SOAP over .NET Message Framing on TCP (WCF {@code NetTcpBinding}, config {@code <netTcpBinding>}). Expands, as
 * WCF's {@code NetTcpBinding.CreateBindingElements}, to {@code transactionFlow, [reliableSession], [security],
 * binaryMessageEncoding, [windowsStreamSecurity | sslStreamSecurity], tcpTransport}. The runtime runs security
 * {@code None}, {@code Transport} and {@code TransportWithMessageCredential} ({@code UserName}, {@code Certificate},
 * {@code Windows}).
 */
public record NetTcpBinding(String configurationName, BindingTimeouts timeouts, boolean transactionFlow,
        TransactionProtocol transactionProtocol, TransferMode transferMode,
        HostNameComparisonMode hostNameComparisonMode, int listenBacklog, long maxBufferPoolSize, int maxBufferSize,
        int maxConnections, long maxReceivedMessageSize, boolean portSharingEnabled, ReaderQuotas readerQuotas,
        StandardReliableSession reliableSession, StandardSecurity security) implements Binding {

    public NetTcpBinding {
        ArgumentChecks.notNull(configurationName, "configurationName");
        ArgumentChecks.notNull(timeouts, "timeouts");
        ArgumentChecks.notNull(transactionProtocol, "transactionProtocol");
        ArgumentChecks.notNull(transferMode, "transferMode");
        ArgumentChecks.notNull(hostNameComparisonMode, "hostNameComparisonMode");
        ArgumentChecks.nonNegative(listenBacklog, "listenBacklog");
        ArgumentChecks.nonNegative(maxBufferPoolSize, "maxBufferPoolSize");
        ArgumentChecks.positive(maxBufferSize, "maxBufferSize");
        ArgumentChecks.nonNegative(maxConnections, "maxConnections");
        ArgumentChecks.positive(maxReceivedMessageSize, "maxReceivedMessageSize");
        ArgumentChecks.notNull(readerQuotas, "readerQuotas");
        ArgumentChecks.notNull(reliableSession, "reliableSession");
        ArgumentChecks.notNull(security, "security");
    }

    /** WCF's defaults: mode {@code Transport}, Windows credentials, {@code EncryptAndSign}. */
    public static StandardSecurity defaultSecurity() {
        return new StandardSecurity(SecurityMode.Transport,
                TransportSecurity.withClientCredential(TransportCredentialType.Windows),
                new MessageSecurity(MessageCredentialType.Windows, false, true, "Default"));
    }

    public static NetTcpBinding defaults(String configurationName) {
        return new NetTcpBinding(configurationName, BindingTimeouts.defaults(), false, TransactionProtocol.DEFAULT,
                TransferMode.Buffered, HostNameComparisonMode.StrongWildcard, 0, 524_288L, 65_536, 0, 65_536L, false,
                ReaderQuotas.defaults(), StandardReliableSession.disabled(), defaultSecurity());
    }

    @Override
    public String wcfName() {
        return "NetTcpBinding";
    }

    @Override
    public String sectionName() {
        return "netTcpBinding";
    }

    @Override
    public List<BindingElement> createBindingElements() {
        List<BindingElement> elements = new ArrayList<>(6);
        elements.add(new TransactionFlowBindingElement(transactionFlow, transactionProtocol, false));
        if (reliableSession.enabled()) {
            elements.add(reliableSession.toElement(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005));
        }
        StandardElements.tcpMessageSecurity(security, MessageSecurityVersion.DEFAULT).ifPresent(elements::add);
        BinaryMessageEncodingBindingElement binary = BinaryMessageEncodingBindingElement.defaults();
        elements.add(new BinaryMessageEncodingBindingElement(binary.maxReadPoolSize(), binary.maxWritePoolSize(),
                binary.maxSessionSize(), binary.compressionFormat(), readerQuotas));
        if (security.securesTransport()) {
            TransportSecurity t = security.transport();
            // TcpTransportSecurity.CreateTransportProtectionAndAuthentication: None and Certificate are TLS
            elements.add(t.clientCredentialType() == TransportCredentialType.Certificate
                    || t.clientCredentialType() == TransportCredentialType.None
                    || security.mode() == SecurityMode.TransportWithMessageCredential
                    ? new SslStreamSecurityBindingElement(
                            t.clientCredentialType() == TransportCredentialType.Certificate
                                    && security.mode() == SecurityMode.Transport, t.sslProtocols())
                    : new WindowsStreamSecurityBindingElement(t.protectionLevel()));
        }
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        // NetTcpBinding.MaxConnections sets the listener's MaxPendingConnections and the client pool's
        // MaxOutboundConnectionsPerEndpoint alike
        TcpConnectionPoolSettings pool = d.connectionPoolSettings();
        if (maxConnections > 0) {
            pool = new TcpConnectionPoolSettings(pool.groupName(), pool.idleTimeout(), pool.leaseTimeout(),
                    maxConnections);
        }
        elements.add(new TcpTransportBindingElement(false, maxBufferPoolSize, maxReceivedMessageSize,
                d.connectionBufferSize(), hostNameComparisonMode, d.channelInitializationTimeout(), maxBufferSize,
                maxConnections, d.maxOutputDelay(), d.maxPendingAccepts(), transferMode, listenBacklog,
                portSharingEnabled, false, pool));
        return List.copyOf(elements);
    }
}
