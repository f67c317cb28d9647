package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingTimeouts;
import java.util.List;

/**
 * WS-I Basic Profile SOAP 1.1 over HTTP, no WS-Addressing (WCF {@code BasicHttpBinding}, config
 * {@code <basicHttpBinding>}). Expands to {@code [security], textMessageEncoding(Soap11) | mtom, http(s)Transport}.
 */
public record BasicHttpBinding(String configurationName, BindingTimeouts timeouts, HttpBindingSettings http,
        StandardSecurity security) implements Binding {

    public BasicHttpBinding {
        ArgumentChecks.notNull(configurationName, "configurationName");
        ArgumentChecks.notNull(timeouts, "timeouts");
        ArgumentChecks.notNull(http, "http");
        ArgumentChecks.notNull(security, "security");
    }

    /** WCF's defaults: security mode {@code None}, transport credential {@code None}, message credential {@code UserName}. */
    public static StandardSecurity defaultSecurity() {
        return new StandardSecurity(SecurityMode.None, TransportSecurity.withClientCredential(TransportCredentialType.None),
                MessageSecurity.withClientCredential(MessageCredentialType.UserName));
    }

    public static BasicHttpBinding defaults(String configurationName) {
        return new BasicHttpBinding(configurationName, BindingTimeouts.defaults(), HttpBindingSettings.defaults(),
                defaultSecurity());
    }

    @Override
    public String wcfName() {
        return "BasicHttpBinding";
    }

    @Override
    public String sectionName() {
        return "basicHttpBinding";
    }

    @Override
    public List<BindingElement> createBindingElements() {
        return StandardElements.basicHttp(http, security);
    }
}
