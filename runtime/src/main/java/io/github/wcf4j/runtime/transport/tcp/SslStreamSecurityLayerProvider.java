package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.ServiceCertificateAuthentication;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.LayerProvider;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

/**
 * {@code sslStreamSecurity}: builds no channel; contributes its {@link SslStreamUpgrade} to the {@code tcpTransport}
 * below (the stack rules refuse it over any other transport), made from the binding parameters: the service's
 * {@link ServiceCredentials} (its certificate, its trust in client certificates), the client's
 * {@link ClientCredentials} (its certificate), the {@link ServiceCertificateAuthentication} a configured client trusts
 * the service's certificate with, the {@link ExpectedServiceIdentity} and, for a client built in code, the service
 * certificate its credentials name or else the truststore of a {@link TlsSettings} (else the JDK's authorities).
 */
public final class SslStreamSecurityLayerProvider implements LayerProvider<SslStreamSecurityBindingElement> {

    @Override
    public Class<SslStreamSecurityBindingElement> elementType() {
        return SslStreamSecurityBindingElement.class;
    }

    @Override
    public void contribute(SslStreamSecurityBindingElement element, BindingParameters p) {
        p.put(StreamUpgrade.class, new SslStreamUpgrade(element, p.find(ServiceCredentials.class),
                p.find(ClientCredentials.class).orElseGet(ClientCredentials::none),
                p.find(ExpectedServiceIdentity.class).orElseGet(ExpectedServiceIdentity::ofAddress),
                p.find(ServiceCertificateAuthentication.class), p.find(TlsSettings.class).flatMap(t -> t.trustStore().map(s -> load(s, t.trustStorePassword())))));
    }

    private static KeyStore load(Path path, char[] password) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore ks = KeyStore.getInstance(path.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            ks.load(in, password);
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load the truststore " + path + ": " + e.getMessage(), e);
        }
    }
}
