package io.github.wcf4j.runtime.security;

import java.util.Objects;

/**
 * Why a configuration's credentials cannot be applied on this machine, found without opening anything
 * ({@link CredentialsFromConfiguration#problems}): a certificate its stores do not hold (or hold several of, or hold
 * without the private key the side signs with), a validator type no Java class answers to. WCF fails the same way when
 * the host or channel factory applies the behavior; {@code validate} reports it at the element's line.
 *
 * @param subject the model object concerned (a certificate reference, a user-name or certificate authentication), so a
 *                configuration reader can point at its line
 * @param setting the element or attribute, e.g. {@code serviceCredentials/serviceCertificate}
 * @param message the text the host or factory would fail with
 */
public record CredentialProblem(Object subject, String setting, String message) {

    public CredentialProblem {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(message, "message");
    }
}
