package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.security.WindowsStreamSecurityBindingElement;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.LayerProvider;

/**
 * {@code windowsStreamSecurity}: builds no channel; contributes its {@link WindowsStreamUpgrade} to the
 * {@code tcpTransport} below (the stack rules refuse it over any other transport), with the
 * {@link KerberosCredentials} binding parameter (else the {@code wcf4j.kerberos} setting) and, at the client, the
 * {@link ExpectedServiceIdentity} that names the service principal.
 */
public final class WindowsStreamSecurityLayerProvider implements LayerProvider<WindowsStreamSecurityBindingElement> {

    @Override
    public Class<WindowsStreamSecurityBindingElement> elementType() {
        return WindowsStreamSecurityBindingElement.class;
    }

    @Override
    public void contribute(WindowsStreamSecurityBindingElement element, BindingParameters p) {
        p.put(StreamUpgrade.class, new WindowsStreamUpgrade(element,
                p.find(KerberosCredentials.class).or(KerberosCredentials::fromSetting),
                p.find(ExpectedServiceIdentity.class).orElseGet(ExpectedServiceIdentity::ofAddress)));
    }
}
