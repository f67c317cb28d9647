package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.UserNamePasswordValidator;
import io.github.wcf4j.runtime.security.message.X509CertificateAuthentication;
import io.github.wcf4j.runtime.security.message.X509Credential;
import io.github.wcf4j.runtime.stack.Refusal;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * A service's configured credentials as the runtime runs them ({@link CredentialsFromConfiguration#service}): its
 * certificate (found, with its key), the user name validator and the client certificate trust. An endpoint whose
 * binding needs a part that cannot be run does not open ({@link #forBinding}).
 *
 * @param configured             the configuration's {@code <serviceCredentials>} (or WCF's defaults)
 * @param serviceCertificate     {@code <serviceCertificate>}, found
 * @param userNameValidator      the {@code Custom} validator
 * @param clientCertificateTrust how client certificates are trusted
 * @param clientCertificate      {@code <clientCertificate><certificate>}, found: the client's certificate a duplex
 *                               service encrypts its messages to (MutualCertificateDuplex)
 */
public record ConfiguredServiceCredentials(io.github.wcf4j.binding.credentials.ServiceCredentials configured,
        Optional<X509Credential> serviceCertificate, Optional<UserNamePasswordValidator> userNameValidator,
        X509CertificateAuthentication clientCertificateTrust, Optional<X509Certificate> clientCertificate) {

    /**
     * The credentials an endpoint over {@code binding} runs with.
     *
     * @throws IllegalStateException naming the setting, when the binding's security needs what cannot be run
     *                               ({@link CredentialsFromConfiguration#refusals})
     */
    public ServiceCredentials forBinding(Binding binding) {
        List<Refusal> refused = CredentialsFromConfiguration.refusals(configured, binding);
        if (!refused.isEmpty()) {
            throw new IllegalStateException(refused.get(0).message());
        }
        ServiceCredentials c = ServiceCredentials.defaults()
                .withClientCertificateAuthentication(clientCertificateTrust);
        c = serviceCertificate.map(c::withServiceCertificate).orElse(c);
        c = clientCertificate.map(c::withClientCertificate).orElse(c);
        return userNameValidator.map(c::withUserNameValidator).orElse(c);
    }
}
