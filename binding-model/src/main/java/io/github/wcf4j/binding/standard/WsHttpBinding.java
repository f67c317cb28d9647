package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.transaction.TransactionFlowBindingElement;
import io.github.wcf4j.binding.transaction.TransactionProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * SOAP 1.2 + WS-Addressing 1.0 over HTTP with optional reliable session and message security (WCF {@code WSHttpBinding}
 * and {@code WS2007HttpBinding}, config {@code <wsHttpBinding>} / {@code <ws2007HttpBinding>}).
 *
 * <p>Expands, as WCF's {@code WSHttpBindingBase.CreateBindingElements}, to
 * {@code transactionFlow, [reliableSession], [security], textMessageEncoding | mtom, http(s)Transport}. The two
 * {@linkplain Flavor flavors} differ only in protocol versions: WS-RM February 2005 vs 1.1, WS-AtomicTransaction
 * October 2004 vs 1.1, and the message-security version.
 *
 * @param transactionFlow whether transactions flow ({@code false})
 * @param reliableSession {@link StandardReliableSession#disabled()}
 * @param security        mode {@code Message}, Windows credentials, secure conversation
 */
public record WsHttpBinding(Flavor flavor, String configurationName, BindingTimeouts timeouts, HttpBindingSettings http,
        boolean transactionFlow, StandardReliableSession reliableSession, StandardSecurity security)
        implements Binding {

    /** Which of the two WS-* HTTP bindings. */
    public enum Flavor {
        WS_HTTP("WSHttpBinding", "wsHttpBinding", ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005,
                TransactionProtocol.WSAtomicTransactionOctober2004, MessageSecurityVersion.DEFAULT),
        WS_2007_HTTP("WS2007HttpBinding", "ws2007HttpBinding", ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11,
                TransactionProtocol.WSAtomicTransaction11,
                MessageSecurityVersion.WSSecurity11WSTrust13WSSecureConversation13WSSecurityPolicy12BasicSecurityProfile10),
        /** {@code mexHttpBinding}: WCF's metadata-exchange binding, a wsHttpBinding without security. */
        MEX_HTTP("MetadataExchangeHttpBinding", "mexHttpBinding",
                ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005,
                TransactionProtocol.WSAtomicTransactionOctober2004, MessageSecurityVersion.DEFAULT),
        /** {@code mexHttpsBinding}: as {@link #MEX_HTTP} over HTTPS. */
        MEX_HTTPS("MetadataExchangeHttpsBinding", "mexHttpsBinding",
                ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005,
                TransactionProtocol.WSAtomicTransactionOctober2004, MessageSecurityVersion.DEFAULT);

        final String wcfName;
        final String sectionName;
        final ReliableMessagingVersion reliableMessagingVersion;
        final TransactionProtocol transactionProtocol;
        final MessageSecurityVersion messageSecurityVersion;

        Flavor(String wcfName, String sectionName, ReliableMessagingVersion rm, TransactionProtocol tx,
                MessageSecurityVersion msv) {
            this.wcfName = wcfName;
            this.sectionName = sectionName;
            this.reliableMessagingVersion = rm;
            this.transactionProtocol = tx;
            this.messageSecurityVersion = msv;
        }

        public ReliableMessagingVersion reliableMessagingVersion() {
            return reliableMessagingVersion;
        }
    }

    public WsHttpBinding {
        ArgumentChecks.notNull(flavor, "flavor");
        ArgumentChecks.notNull(configurationName, "configurationName");
        ArgumentChecks.notNull(timeouts, "timeouts");
        ArgumentChecks.notNull(http, "http");
        ArgumentChecks.notNull(reliableSession, "reliableSession");
        ArgumentChecks.notNull(security, "security");
    }

    /** WCF's defaults: mode {@code Message}; transport {@code Windows}; message {@code Windows}, negotiate, establish context. */
    public static StandardSecurity defaultSecurity() {
        return new StandardSecurity(SecurityMode.Message,
                TransportSecurity.withClientCredential(TransportCredentialType.Windows),
                MessageSecurity.withClientCredential(MessageCredentialType.Windows));
    }

    public static WsHttpBinding defaults(Flavor flavor, String configurationName) {
        return new WsHttpBinding(flavor, configurationName, BindingTimeouts.defaults(), HttpBindingSettings.defaults(),
                false, StandardReliableSession.disabled(), defaultSecurity());
    }

    @Override
    public String wcfName() {
        return flavor.wcfName;
    }

    @Override
    public String sectionName() {
        return flavor.sectionName;
    }

    @Override
    public List<BindingElement> createBindingElements() {
        List<BindingElement> elements = new ArrayList<>(5);
        elements.add(new TransactionFlowBindingElement(transactionFlow, flavor.transactionProtocol, false));
        if (reliableSession.enabled()) {
            elements.add(reliableSession.toElement(flavor.reliableMessagingVersion));
        }
        StandardElements.wsMessageSecurity(security, reliableSession.enabled(),
                security.message().establishSecurityContext(), flavor.messageSecurityVersion).ifPresent(elements::add);
        elements.add(StandardElements.encoder(http.messageEncoding(), MessageVersion.SOAP12_WS_ADDRESSING10,
                http.textEncoding(), http.readerQuotas()));
        elements.add(StandardElements.httpTransport(http, security));
        return List.copyOf(elements);
    }
}
