package io.github.wcf4j.config;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.credentials.ClientCredentials;
import io.github.wcf4j.binding.credentials.ServiceCredentials;
import io.github.wcf4j.binding.credentials.TokenImpersonationLevel;
import io.github.wcf4j.binding.credentials.UserNameAuthentication;
import io.github.wcf4j.binding.credentials.UserNamePasswordValidationMode;
import io.github.wcf4j.binding.credentials.X509CertificateValidation;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.EndpointBehaviorElement;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an endpoint's credentials ask for that wcf4j cannot do, noted (as warnings) only where the endpoint's binding
 * would use that credential: credentials alone never stop an endpoint, as WCF ignores them on a binding without
 * security. Each note stands at the credential's own element when it is written, else at the credentials element, else
 * at the endpoint (WCF's defaults apply there too).
 *
 * <ul>
 *   <li>user names checked by {@code Windows} or {@code MembershipProvider} (the default is {@code Windows}), for a
 *       binding whose security sends a user name: a JVM has no Windows logon and no ASP.NET membership;</li>
 *   <li>{@code mapClientCertificateToWindowsAccount="true"}, for a binding whose security authenticates clients by
 *       certificate;</li>
 *   <li>{@code type} (a .NET credentials subclass) and {@code useIdentityConfiguration} (Windows Identity
 *       Foundation), for a binding with message security;</li>
 *   <li>over HTTPS, the certificate settings WCF applies to the TLS handshake ({@code clientCertificate} and its
 *       {@code authentication}, {@code sslCertificateAuthentication}), which wcf4j's HTTPS transport does not take from
 *       the credentials: its key and trust material is the {@code TlsSettings} the host or client is given.</li>
 * </ul>
 *
 * <p>These are not WCF's checks (those are {@link ConfigValidator}'s) but what wcf4j says about itself, as the
 * runtime's refusals are; {@code validate} and {@code describe} print them with the rest.
 */
public final class CredentialNotes {
    private final SourceMap sources;

    private CredentialNotes(SourceMap sources) {
        this.sources = sources;
    }

    /** The notes on every configured service and client endpoint of {@code read}, once each, as warnings. */
    public static List<Diagnostic> of(ConfigReadResult read) {
        if (read.configuration().isEmpty()) {
            return List.of();
        }
        ServiceModelConfiguration config = read.configuration().get();
        CredentialNotes notes = new CredentialNotes(read.sourceMap());
        Set<Note> all = new LinkedHashSet<>();
        for (ServiceDescription service : config.services()) {
            for (ServiceEndpoint e : service.endpoints()) {
                all.addAll(notes.service(e.binding(), service.effectiveBehavior().credentials(),
                        read.sourceMap().locate(e).orElseThrow()));
            }
        }
        for (ClientEndpoint e : config.clientEndpoints()) {
            all.addAll(notes.client(e.binding(), e.behavior().flatMap(EndpointBehaviorElement::credentials)));
        }
        return Diagnostic.inDocumentOrder(read.source(),
                all.stream().map(n -> Diagnostic.warning(n.at(), n.message())).toList());
    }

    /** One note: where, and what. */
    record Note(SourceLocation at, String message) {
    }

    /** The notes for a service endpoint over {@code binding} whose service has {@code credentials}. */
    List<Note> service(Binding binding, Optional<ServiceCredentials> configured, SourceLocation endpointAt) {
        List<Note> notes = new ArrayList<>();
        List<BindingElement> elements = elements(binding);
        ServiceCredentials c = configured.orElse(ServiceCredentials.defaults());
        SourceLocation credentialsAt = configured.flatMap(sources::locate).orElse(endpointAt);
        Set<AuthenticationMode> modes = modes(elements);
        if (!modes.isEmpty()) {
            notes.addAll(dotNetOnly(c.type(), "ServiceCredentials", c.useIdentityConfiguration(), credentialsAt));
        }
        UserNameAuthentication userName = c.userNameAuthentication();
        if (modes.stream().anyMatch(AuthenticationMode::sendsUserName)
                && userName.userNamePasswordValidationMode() != UserNamePasswordValidationMode.Custom) {
            notes.add(new Note(at(userName, credentialsAt), "userNamePasswordValidationMode=\""
                    + userName.userNamePasswordValidationMode() + "\": a JVM can neither log a user on as a Windows"
                    + " account nor ask an ASP.NET membership provider, so wcf4j cannot check this endpoint's user names"
                    + " as WCF would; configure userNamePasswordValidationMode=\"Custom\" with a"
                    + " customUserNamePasswordValidatorType."));
        }
        if (modes.stream().anyMatch(AuthenticationMode::authenticatesClientCertificate)
                && c.clientCertificate().authentication().mapClientCertificateToWindowsAccount()) {
            notes.add(new Note(at(c.clientCertificate().authentication(), credentialsAt),
                    "mapClientCertificateToWindowsAccount=\"true\": a JVM has no Windows accounts to map client"
                            + " certificates to; wcf4j cannot do this."));
        }
        if (windows(elements) && c.windowsAuthentication().includeWindowsGroups()
                && sources.locate(c.windowsAuthentication()).isPresent()) {
            notes.add(new Note(sources.locate(c.windowsAuthentication()).get(), "includeWindowsGroups=\"true\": the"
                    + " caller's Windows groups travel in the Kerberos ticket's PAC, which the JVM's Kerberos (JGSS)"
                    + " does not expose; wcf4j's service knows the caller's principal and no group."));
        }
        Optional<HttpsTransportBindingElement> https = https(elements);
        if (https.isPresent() && https.get().requireClientCertificate()
                && sources.locate(c.clientCertificate().authentication()).isPresent()) {
            X509CertificateValidation v = c.clientCertificate().authentication().validation();
            notes.add(new Note(sources.locate(c.clientCertificate().authentication()).get(), "wcf4j's HTTPS transport"
                    + " checks client certificates against the trust store it is given (TlsSettings), not with"
                    + " certificateValidationMode=\"" + v.certificateValidationMode() + "\", revocationMode=\""
                    + v.revocationMode() + "\", trustedStoreLocation=\"" + v.trustedStoreLocation() + "\"."));
        }
        return notes;
    }

    /** The notes for a client endpoint over {@code binding} with {@code credentials}. */
    List<Note> client(Binding binding, Optional<ClientCredentials> configured) {
        List<Note> notes = new ArrayList<>();
        List<BindingElement> elements = elements(binding);
        if (configured.isEmpty()) {
            return notes;
        }
        ClientCredentials c = configured.get();
        if (!modes(elements).isEmpty()) {
            notes.addAll(dotNetOnly(c.type(), "ClientCredentials", c.useIdentityConfiguration(),
                    sources.locate(c).orElseThrow()));
        }
        if (windows(elements) && sources.locate(c.windows()).isPresent()
                && c.windows().allowedImpersonationLevel() == TokenImpersonationLevel.Identification) {
            notes.add(new Note(sources.locate(c.windows()).get(), "allowedImpersonationLevel=\"Identification\": the"
                    + " JVM's Kerberos (JGSS) cannot mark a ticket identification-only (SSPI's ISC_REQ_IDENTIFY), so a"
                    + " Windows service may impersonate (never delegate) this client on its own machine."));
        }
        Optional<HttpsTransportBindingElement> https = https(elements);
        if (https.isEmpty()) {
            return notes;
        }
        if (https.get().requireClientCertificate() && c.clientCertificate().isPresent()) {
            notes.add(new Note(sources.locate(c.clientCertificate().get()).orElseThrow(), "wcf4j's HTTPS client does"
                    + " not present client certificates yet, so this clientCertificate is not sent and a service that"
                    + " requires one refuses the connection."));
        }
        c.serviceCertificate().sslCertificateAuthentication().ifPresent(v -> notes.add(new Note(
                sources.locate(v).orElseThrow(), "wcf4j's HTTPS client validates the service's certificate against"
                        + " the trust store it is given (TlsSettings), not with this sslCertificateAuthentication.")));
        return notes;
    }

    /** A .NET credentials subclass, or Windows Identity Foundation, where message security would use them. */
    private static List<Note> dotNetOnly(String type, String baseType, boolean useIdentityConfiguration,
            SourceLocation at) {
        List<Note> notes = new ArrayList<>();
        if (!type.isEmpty()) {
            notes.add(new Note(at, "type=\"" + type + "\": a .NET " + baseType + " subclass cannot be loaded on the"
                    + " JVM, so wcf4j cannot apply what it changes; the standard credentials apply."));
        }
        if (useIdentityConfiguration) {
            notes.add(new Note(at, "useIdentityConfiguration=\"true\": Windows Identity Foundation's identity"
                    + " configuration does not exist on the JVM; wcf4j cannot hand this endpoint's authentication to"
                    + " it."));
        }
        return notes;
    }

    private SourceLocation at(Object part, SourceLocation otherwise) {
        return sources.locate(part).orElse(otherwise);
    }

    private static List<BindingElement> elements(Binding binding) {
        try {
            return binding.createBindingElements();
        } catch (BindingValidationException invalid) {
            return List.of();
        }
    }

    /** The authentication modes of the binding's security, a secure conversation's bootstrap included. */
    private static Set<AuthenticationMode> modes(List<BindingElement> elements) {
        return AuthenticationMode.of(elements);
    }

    /** Whether the binding authenticates with Windows (Kerberos on the JVM): SSPI, Kerberos, HTTP Negotiate. */
    private static boolean windows(List<BindingElement> elements) {
        Set<AuthenticationMode> modes = modes(elements);
        boolean message = modes.contains(AuthenticationMode.SspiNegotiated)
                || modes.contains(AuthenticationMode.SspiNegotiatedOverTransport)
                || modes.contains(AuthenticationMode.Kerberos) || modes.contains(AuthenticationMode.KerberosOverTransport);
        boolean http = elements.stream().anyMatch(e -> e instanceof HttpTransportBindingElement h
                && h.authenticationScheme().contains(AuthenticationScheme.Negotiate)
                || e instanceof HttpsTransportBindingElement s
                && s.http().authenticationScheme().contains(AuthenticationScheme.Negotiate));
        return message || http;
    }

    private static Optional<HttpsTransportBindingElement> https(List<BindingElement> elements) {
        return elements.stream().filter(HttpsTransportBindingElement.class::isInstance)
                .map(HttpsTransportBindingElement.class::cast).findFirst();
    }
}
