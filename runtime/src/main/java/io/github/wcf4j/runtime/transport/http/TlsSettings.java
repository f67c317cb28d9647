package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.runtime.security.CheckedTrustManager;
import io.github.wcf4j.runtime.security.ServerCertificateCheck;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The key material for {@code httpsTransport}, given as a binding parameter: the service's keystore (PKCS12 or JKS)
 * and the client's truststore. Without a truststore the client trusts the JDK's default CAs.
 *
 * @param keyStore         the service certificate and key
 * @param keyStorePassword its password
 * @param trustStore       certificates the client trusts, if not the JDK's defaults
 * @param trustStorePassword its password
 */
public record TlsSettings(Optional<Path> keyStore, char[] keyStorePassword, Optional<Path> trustStore,
        char[] trustStorePassword) {

    public static TlsSettings keyStore(Path keyStore, char[] password) {
        return new TlsSettings(Optional.of(keyStore), password, Optional.of(keyStore), password);
    }

    /** Trust the JDK's default certificate authorities; no key material. */
    public static TlsSettings jdkDefaults() {
        return new TlsSettings(Optional.empty(), new char[0], Optional.empty(), new char[0]);
    }

    SslContext serverContext(boolean requireClientCertificate) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keyStore.orElseThrow(() -> new IllegalStateException(
                    "httpsTransport needs a keystore (TlsSettings) to listen")), keyStorePassword), keyStorePassword);
            SslContextBuilder b = SslContextBuilder.forServer(kmf);
            if (requireClientCertificate) {
                b.clientAuth(ClientAuth.REQUIRE);
                if (trustStore.isPresent()) {
                    TrustManagerFactory tmf = TrustManagerFactory.getInstance(
                            TrustManagerFactory.getDefaultAlgorithm());
                    tmf.init(load(trustStore.get(), trustStorePassword));
                    b.trustManager(tmf);
                }
            }
            return b.build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load the HTTPS keystore: " + e.getMessage(), e);
        }
    }

    /** {@code check}: what the server's certificate must also pass ({@code null}: nothing). */
    SslContext clientContext(ServerCertificateCheck check) {
        try {
            SslContextBuilder b = SslContextBuilder.forClient();
            if (trustStore.isPresent() || check != null) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trustStore.isPresent() ? load(trustStore.get(), trustStorePassword) : null);
                if (check == null) {
                    b.trustManager(tmf);
                } else {
                    b.trustManager(new CheckedTrustManager(Arrays.stream(tmf.getTrustManagers())
                            .filter(X509ExtendedTrustManager.class::isInstance)
                            .map(X509ExtendedTrustManager.class::cast).findFirst().orElseThrow(), check));
                }
            }
            return b.build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load the HTTPS truststore: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path path, char[] password) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(path.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            ks.load(in, password);
        }
        return ks;
    }

}
