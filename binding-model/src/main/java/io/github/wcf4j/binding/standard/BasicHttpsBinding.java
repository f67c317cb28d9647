package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingTimeouts;
import java.util.List;
import java.util.Set;

/**
 * {@code basicHttpBinding} over HTTPS from the start (WCF 4.5 {@code BasicHttpsBinding}, config
 * {@code <basicHttpsBinding>}): the same SOAP 1.1 stack without WS-Addressing, whose security mode is
 * {@code Transport} by default and never less ({@code BasicHttpsSecurityMode}: {@code Transport} or
 * {@code TransportWithMessageCredential}). Expands, as {@code BasicHttpsBinding.CreateBindingElements}, to
 * {@code [security], textMessageEncoding(Soap11) | mtom, httpsTransport}.
 *
 * <pre>{@code
 * BasicHttpsBinding b = BasicHttpsBinding.defaults("");
 * b.createBindingElements(); // [textMessageEncoding (Soap11), httpsTransport]
 * }</pre>
 *
 * @param security mode {@code Transport}, transport credential {@code None}, message credential {@code UserName}
 */
public record BasicHttpsBinding(String configurationName, BindingTimeouts timeouts, HttpBindingSettings http,
        StandardSecurity security) implements Binding {

    /** {@code BasicHttpsSecurityMode}: the modes this binding accepts. */
    public static final Set<SecurityMode> SECURITY_MODES = Set.of(SecurityMode.Transport,
            SecurityMode.TransportWithMessageCredential);

    public BasicHttpsBinding {
        ArgumentChecks.notNull(configurationName, "configurationName");
        ArgumentChecks.notNull(timeouts, "timeouts");
        ArgumentChecks.notNull(http, "http");
        ArgumentChecks.notNull(security, "security");
        if (!SECURITY_MODES.contains(security.mode())) {
            throw new IllegalArgumentException("mode: basicHttpsBinding's security mode is Transport or"
                    + " TransportWithMessageCredential (BasicHttpsSecurityMode), not " + security.mode());
        }
    }

    /** WCF's defaults ({@code BasicHttpsSecurity.DefaultMode}): mode {@code Transport}, the rest as basicHttpBinding's. */
    public static StandardSecurity defaultSecurity() {
        return BasicHttpBinding.defaultSecurity().withMode(SecurityMode.Transport);
    }

    public static BasicHttpsBinding defaults(String configurationName) {
        return new BasicHttpsBinding(configurationName, BindingTimeouts.defaults(), HttpBindingSettings.defaults(),
                defaultSecurity());
    }

    @Override
    public String wcfName() {
        return "BasicHttpsBinding";
    }

    @Override
    public String sectionName() {
        return "basicHttpsBinding";
    }

    @Override
    public List<BindingElement> createBindingElements() {
        return StandardElements.basicHttp(http, security);
    }
}
