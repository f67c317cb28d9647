package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.transaction.TransactionFlowBindingElement;
import io.github.wcf4j.binding.transaction.TransactionProtocol;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Duplex over two HTTP connections, always with a reliable session (WCF {@code WSDualHttpBinding}, config
 * {@code <wsDualHttpBinding>}). Expands, as WCF's {@code WSDualHttpBinding.CreateBindingElements}, to
 * {@code transactionFlow, reliableSession, [security], compositeDuplex, oneWay, textMessageEncoding | mtom,
 * httpTransport}; the reliable session has no {@code enabled} switch.
 *
 * @param clientBaseAddress where the client listens for the service's messages (empty: a temporary address)
 */
public record WsDualHttpBinding(String configurationName, BindingTimeouts timeouts, HttpBindingSettings http,
        Optional<URI> clientBaseAddress, boolean transactionFlow, StandardReliableSession reliableSession,
        StandardSecurity security) implements Binding {

    public WsDualHttpBinding {
        ArgumentChecks.notNull(configurationName, "configurationName");
        ArgumentChecks.notNull(timeouts, "timeouts");
        ArgumentChecks.notNull(http, "http");
        clientBaseAddress = clientBaseAddress == null ? Optional.empty() : clientBaseAddress;
        ArgumentChecks.notNull(reliableSession, "reliableSession");
        ArgumentChecks.notNull(security, "security");
    }

    /** WCF's defaults: mode {@code Message}, Windows credentials with negotiation. */
    public static StandardSecurity defaultSecurity() {
        return new StandardSecurity(SecurityMode.Message,
                TransportSecurity.withClientCredential(TransportCredentialType.Windows),
                MessageSecurity.withClientCredential(MessageCredentialType.Windows));
    }

    public static WsDualHttpBinding defaults(String configurationName) {
        return new WsDualHttpBinding(configurationName, BindingTimeouts.defaults(), HttpBindingSettings.defaults(),
                Optional.empty(), false, StandardReliableSession.enabledByDefault(), defaultSecurity());
    }

    @Override
    public String wcfName() {
        return "WSDualHttpBinding";
    }

    @Override
    public String sectionName() {
        return "wsDualHttpBinding";
    }

    @Override
    public List<BindingElement> createBindingElements() {
        List<BindingElement> elements = new ArrayList<>(7);
        elements.add(new TransactionFlowBindingElement(transactionFlow,
                TransactionProtocol.WSAtomicTransactionOctober2004, false));
        elements.add(reliableSession.toElement(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005));
        StandardElements.wsMessageSecurity(security, true, true, MessageSecurityVersion.DEFAULT)
                .ifPresent(elements::add);
        elements.add(new CompositeDuplexBindingElement(clientBaseAddress));
        elements.add(OneWayBindingElement.defaults());
        elements.add(StandardElements.encoder(http.messageEncoding(), MessageVersion.SOAP12_WS_ADDRESSING10,
                http.textEncoding(), http.readerQuotas()));
        elements.add(StandardElements.httpTransport(http, security.withMode(SecurityMode.None)));
        return List.copyOf(elements);
    }
}
