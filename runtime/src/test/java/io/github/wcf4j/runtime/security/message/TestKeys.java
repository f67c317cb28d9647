package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import java.nio.file.Path;

/** Key material for the tests: self-signed certificates made with the JDK's keytool. */
final class TestKeys {
    private TestKeys() {
    }

    /** A client certificate and key for {@code CN=commonName} in {@code dir}. */
    static X509Credential client(Path dir, String commonName) throws Exception {
        Path file = SelfSignedKeyStore.create(dir.resolve(commonName + ".p12"), commonName, "dns:" + commonName);
        return X509Credential.fromKeyStore(file, SelfSignedKeyStore.PASSWORD, null);
    }
}
