package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.UserNamePasswordValidator;
import io.github.wcf4j.runtime.security.message.X509CertificateAuthentication;
import io.github.wcf4j.runtime.security.message.X509Credential;
import java.util.Optional;
import java.util.Set;

/**
 * A service's configured credentials as the runtime runs them ({@link CredentialsFromConfiguration#service}): its
 * certificate (found, with its key), the user name validator and the client certificate trust, each with the reason it
 * cannot be run when it cannot. An endpoint whose binding needs a part that cannot be run does not open
 * ({@link #forBinding}).
 *
 * @param serviceCertificate    {@code <serviceCertificate>}, found
 * @param userNameValidator     the {@code Custom} validator
 * @param userNameRefusal       why user names cannot be checked (Windows, MembershipProvider, no validator type)
 * @param clientCertificateTrust how client certificates are trusted
 * @param clientCertificateRefusal why client certificates cannot be checked as configured
 */
public record ConfiguredServiceCredentials(Optional<X509Credential> serviceCertificate,
        Optional<UserNamePasswordValidator> userNameValidator, Optional<String> userNameRefusal,
        X509CertificateAuthentication clientCertificateTrust, Optional<String> clientCertificateRefusal) {

    /**
     * The credentials an endpoint over {@code binding} runs with.
     *
     * @throws IllegalStateException naming the setting, when the binding's security needs what cannot be run
     */
    public ServiceCredentials forBinding(Binding binding) {
        Set<AuthenticationMode> modes = CredentialsFromConfiguration.modes(binding);
        if (CredentialsFromConfiguration.authenticatesUserNames(modes) && userNameRefusal.isPresent()) {
            throw new IllegalStateException(userNameRefusal.get());
        }
        if (CredentialsFromConfiguration.authenticatesClientCertificates(modes) && clientCertificateRefusal.isPresent()) {
            throw new IllegalStateException(clientCertificateRefusal.get());
        }
        ServiceCredentials c = ServiceCredentials.defaults().withClientCertificateAuthentication(clientCertificateTrust);
        return userNameValidator.map(c::withUserNameValidator).orElse(c);
    }
}
