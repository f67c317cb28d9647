package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.credentials.ClientCertificateAuthentication;
import io.github.wcf4j.binding.credentials.ClientCredentials;
import io.github.wcf4j.binding.credentials.ScopedCertificate;
import io.github.wcf4j.binding.credentials.ServiceCredentials;
import io.github.wcf4j.binding.credentials.UserNameAuthentication;
import io.github.wcf4j.binding.credentials.UserNamePasswordValidationMode;
import io.github.wcf4j.binding.credentials.X509CertificateReference;
import io.github.wcf4j.binding.credentials.X509CertificateValidation;
import io.github.wcf4j.binding.credentials.X509CertificateValidationMode;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.message.CertificateValidationMode;
import io.github.wcf4j.runtime.security.message.RevocationCheck;
import io.github.wcf4j.runtime.security.message.UserNamePasswordValidator;
import io.github.wcf4j.runtime.security.message.X509CertificateAuthentication;
import io.github.wcf4j.runtime.security.message.X509CertificateValidator;
import io.github.wcf4j.runtime.security.message.X509Credential;
import io.github.wcf4j.runtime.stack.Refusal;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration's credentials behaviors made into the runtime's credentials, as WCF's
 * {@code ServiceCredentialsElement.ApplyConfiguration} / {@code ClientCredentialsElement.ApplyConfiguration} and the
 * security token managers make them: certificates found in the {@link CertificateStores} by {@link CertificateLookup}
 * (WCF's texts when a search finds none or several; a certificate the side signs with must come with its private key),
 * trust read from the {@code TrustedPeople} and {@code Root} stores of {@code trustedStoreLocation}, validator types
 * ({@link UserNamePasswordValidator}, {@link X509CertificateValidator}; of a .NET {@code "Type, Assembly"} name the
 * type part) resolved to Java classes as service types are ({@link ServiceTypes}: an explicit mapping, a registration, or a
 * class of that name) and made with their public parameterless constructor.
 *
 * <p>What a JVM cannot do is refused per endpoint, where its binding would use it ({@link #refusals}, decided from the
 * configuration alone, so {@code validate} reports it too): user names checked by Windows (WCF's default) or an ASP.NET
 * membership provider, client certificates mapped to Windows accounts, a {@code Custom} validator without its type.
 * Chain trust checks revocation as {@code revocationMode} says ({@link RevocationCheck}: {@code Online} fetches OCSP
 * and CRL distribution points, {@code Offline} checks the {@code *.crl} files of the trusted store location). No
 * endpoint is ever opened without the authentication its mode needs.
 */
public final class CredentialsFromConfiguration {
    private final CertificateStores stores;
    private final CertificateLookup lookup;
    private final ServiceTypes types;

    public CredentialsFromConfiguration(CertificateStores stores, ServiceTypes types) {
        this.stores = stores;
        this.lookup = new CertificateLookup(stores);
        this.types = types;
    }

    // ---- service

    /**
     * A service's {@code <serviceCredentials>} (or WCF's defaults): its {@code serviceCertificate} found now (as WCF's
     * {@code SetCertificate} finds it when the behavior is applied, whether or not an endpoint uses it), the validator
     * and certificate trust made, or the reason they cannot be, for {@link ConfiguredServiceCredentials#forBinding}.
     *
     * @throws IllegalStateException WCF's {@code CannotFindCert}/{@code FoundMultipleCerts}, a certificate without its
     *                               private key, or a validator type that cannot be loaded
     */
    public ConfiguredServiceCredentials service(ServiceCredentials c) {
        Optional<X509Credential> certificate = c.serviceCertificate().map(r -> withKey(r, null, "serviceCertificate"));
        UserNameAuthentication u = c.userNameAuthentication();
        Optional<UserNamePasswordValidator> validator = u.userNamePasswordValidationMode()
                == UserNamePasswordValidationMode.Custom && !u.customUserNamePasswordValidatorType().isBlank()
                ? Optional.of(instance(u.customUserNamePasswordValidatorType(), "customUserNamePasswordValidatorType",
                        UserNamePasswordValidator.class))
                : Optional.empty();
        ClientCertificateAuthentication a = c.clientCertificate().authentication();
        X509CertificateAuthentication trust = clientCertificateRefusal(a).isPresent()
                ? X509CertificateAuthentication.defaults() : trust(a.validation());
        // <clientCertificate><certificate>: the client's certificate a duplex service encrypts its messages to
        Optional<X509Certificate> client = c.clientCertificate().certificate().map(r -> find(r, null).certificate());
        return new ConfiguredServiceCredentials(c, certificate, validator, trust, client);
    }

    /**
     * What an endpoint over {@code binding} would need of the service credentials {@code c} that wcf4j cannot run,
     * decided from the configuration alone (no store is read, no class loaded): user names checked by Windows (WCF's
     * default) or a membership provider, or a {@code Custom} mode without a type; client certificates mapped to Windows
     * accounts, {@code Custom} without a type. Empty when the binding's security
     * needs none of them (or has none). {@code validate} reports these; a host refuses the endpoint with them.
     */
    public static List<Refusal> refusals(ServiceCredentials c, Binding binding) {
        Set<AuthenticationMode> modes = modes(binding);
        List<Refusal> refused = new ArrayList<>();
        if (modes.stream().anyMatch(AuthenticationMode::sendsUserName) || httpBasic(binding)) {
            userNameRefusal(c.userNameAuthentication()).ifPresent(m -> refused.add(new Refusal(
                    c.userNameAuthentication(), "serviceCredentials/userNameAuthentication", m)));
        }
        if (modes.stream().anyMatch(AuthenticationMode::authenticatesClientCertificate)
                || tlsClientCertificate(binding)) {
            ClientCertificateAuthentication a = c.clientCertificate().authentication();
            clientCertificateRefusal(a).ifPresent(m -> refused.add(new Refusal(a,
                    "serviceCredentials/clientCertificate/authentication", m)));
        }
        return refused;
    }

    private static Optional<String> userNameRefusal(UserNameAuthentication u) {
        String custom = " Configure <userNameAuthentication userNamePasswordValidationMode=\"Custom\""
                + " customUserNamePasswordValidatorType=\"...\"/> naming a Java class that implements "
                + UserNamePasswordValidator.class.getName() + ".";
        return switch (u.userNamePasswordValidationMode()) {
            case Custom -> u.customUserNamePasswordValidatorType().isBlank()
                    ? Optional.of("UserNamePasswordValidationMode.Custom requires CustomUserNamePasswordValidator."
                            + " Specify the CustomUserNamePasswordValidator property.")
                    : Optional.empty();
            case Windows -> Optional.of("userNamePasswordValidationMode=\"Windows\" (WCF's default for"
                    + " userNameAuthentication): a JVM cannot log a user on as a Windows account,"
                    + " so wcf4j cannot check this endpoint's user names and does not open it." + custom);
            case MembershipProvider -> Optional.of("userNamePasswordValidationMode=\"MembershipProvider\": a JVM has"
                    + " no ASP.NET membership provider, so wcf4j cannot check this endpoint's user names and does not"
                    + " open it." + custom);
        };
    }

    /** Whether {@code binding}'s {@code sslStreamSecurity} requires the client's certificate. */
    private static boolean tlsClientCertificate(Binding binding) {
        return tls(binding).filter(SslStreamSecurityBindingElement::requireClientCertificate).isPresent();
    }

    private static Optional<SslStreamSecurityBindingElement> tls(Binding binding) {
        try {
            return binding.createBindingElements().stream().filter(SslStreamSecurityBindingElement.class::isInstance)
                    .map(SslStreamSecurityBindingElement.class::cast).findFirst();
        } catch (BindingValidationException invalid) {
            return Optional.empty();
        }
    }

    private static Optional<String> clientCertificateRefusal(ClientCertificateAuthentication a) {
        if (a.mapClientCertificateToWindowsAccount()) {
            return Optional.of("mapClientCertificateToWindowsAccount=\"true\": a JVM has no Windows accounts to map"
                    + " client certificates to, so wcf4j does not open this endpoint.");
        }
        return trustRefusal(a.validation(), "clientCertificate/authentication");
    }

    // ---- client

    /**
     * A client endpoint's {@code <clientCredentials>}: its {@code clientCertificate} (with its private key),
     * {@code defaultCertificate} and {@code scopedCertificates} found now, as WCF's {@code SetCertificate},
     * {@code SetDefaultCertificate} and {@code SetScopedCertificate} find them; credentials set in code win part by
     * part (the user name only ever comes from code, as in WCF).
     *
     * @throws IllegalStateException WCF's texts when a search finds none or several, or a client certificate without
     *                               its private key
     */
    public io.github.wcf4j.runtime.security.message.ClientCredentials client(ClientCredentials c,
            io.github.wcf4j.runtime.security.message.ClientCredentials fromCode) {
        Optional<X509Credential> certificate = fromCode.clientCertificate().isPresent() ? fromCode.clientCertificate()
                : c.clientCertificate().map(r -> withKey(r, null, "clientCertificate"));
        Optional<X509Certificate> defaultService = fromCode.defaultServiceCertificate().isPresent()
                ? fromCode.defaultServiceCertificate()
                : c.serviceCertificate().defaultCertificate().map(r -> find(r, null).certificate());
        Map<URI, X509Certificate> scoped = new LinkedHashMap<>();
        for (ScopedCertificate s : c.serviceCertificate().scopedCertificates()) {
            scoped.put(s.targetUri(), find(s.certificate(), s.targetUri()).certificate());
        }
        scoped.putAll(fromCode.scopedServiceCertificates());
        return new io.github.wcf4j.runtime.security.message.ClientCredentials(fromCode.userName(), certificate,
                defaultService, scoped);
    }

    /**
     * How a client over TLS stream security ({@code sslStreamSecurity}) trusts the service's certificate, as WCF's
     * {@code ClientCredentialsSecurityTokenManager.CreateServerSslX509TokenAuthenticator} does: the
     * {@code serviceCertificate/sslCertificateAuthentication} if configured, else {@code serviceCertificate/authentication}
     * (ChainTrust to {@code CurrentUser/Root} by default), the trusted certificates read from this machine's stores.
     * A setting {@link #refusals(ClientCredentials, Binding)} refuses makes WCF's default chain trust instead (never
     * used: the endpoint does not open).
     */
    public ServiceCertificateAuthentication serviceCertificateTrust(ClientCredentials c) {
        X509CertificateValidation v = sslValidation(c);
        return new ServiceCertificateAuthentication(trustRefusal(v, "").isPresent()
                ? X509CertificateAuthentication.defaults() : trust(v));
    }

    private static X509CertificateValidation sslValidation(ClientCredentials c) {
        return c.serviceCertificate().sslCertificateAuthentication().orElse(c.serviceCertificate().authentication());
    }

    /**
     * What a client endpoint over {@code binding} would need of its credentials {@code c} that wcf4j cannot run: over
     * {@code sslStreamSecurity}, a service certificate trust with a {@code Custom} mode without a type. Empty otherwise. {@code validate} reports these; a client factory refuses the
     * endpoint with them.
     */
    public static List<Refusal> refusals(ClientCredentials c, Binding binding) {
        if (tls(binding).isEmpty()) {
            return List.of();
        }
        boolean ssl = c.serviceCertificate().sslCertificateAuthentication().isPresent();
        X509CertificateValidation v = sslValidation(c);
        return trustRefusal(v, "clientCredentials/serviceCertificate/" + (ssl ? "sslCertificateAuthentication"
                : "authentication")).map(m -> List.of(new Refusal(v, "clientCredentials/serviceCertificate", m)))
                .orElse(List.of());
    }

    // ---- what applying would fail on

    /**
     * What {@link #service} would fail on for {@code c}, each at its element, found without making anything: the
     * {@code serviceCertificate} not found (WCF's {@code CannotFindCert}), found several times or without its private
     * key; a {@code Custom} user-name or client-certificate validator type that no Java class answers to, or that is
     * not a validator. WCF applies the service credentials whether or not an endpoint uses them, so each stops every
     * endpoint of the service.
     */
    public List<CredentialProblem> problems(ServiceCredentials c) {
        List<CredentialProblem> found = new ArrayList<>();
        c.serviceCertificate().ifPresent(r -> check(found, r, "serviceCredentials/serviceCertificate",
                () -> withKey(r, null, "serviceCertificate")));
        c.clientCertificate().certificate().ifPresent(r -> check(found, r,
                "serviceCredentials/clientCertificate/certificate", () -> find(r, null)));
        UserNameAuthentication u = c.userNameAuthentication();
        if (u.userNamePasswordValidationMode() == UserNamePasswordValidationMode.Custom
                && !u.customUserNamePasswordValidatorType().isBlank()) {
            check(found, u, "serviceCredentials/userNameAuthentication/@customUserNamePasswordValidatorType",
                    () -> type(u.customUserNamePasswordValidatorType(), "customUserNamePasswordValidatorType",
                            UserNamePasswordValidator.class));
        }
        ClientCertificateAuthentication a = c.clientCertificate().authentication();
        if (clientCertificateRefusal(a).isEmpty()) {
            X509CertificateValidation v = a.validation();
            check(found, a, "serviceCredentials/clientCertificate/authentication",
                    () -> {
                        if (v.certificateValidationMode() == X509CertificateValidationMode.Custom) {
                            type(v.customCertificateValidatorType(), "customCertificateValidatorType",
                                    X509CertificateValidator.class);
                        } else {
                            trust(v);
                        }
                    });
        }
        return found;
    }

    /**
     * What {@link #client} would fail on for {@code c}, each at its certificate reference: the
     * {@code clientCertificate} (with its private key), the {@code defaultCertificate} and each scoped certificate
     * not found or found several times.
     */
    public List<CredentialProblem> problems(ClientCredentials c) {
        List<CredentialProblem> found = new ArrayList<>();
        c.clientCertificate().ifPresent(r -> check(found, r, "clientCredentials/clientCertificate",
                () -> withKey(r, null, "clientCertificate")));
        c.serviceCertificate().defaultCertificate().ifPresent(r -> check(found, r,
                "clientCredentials/serviceCertificate/defaultCertificate", () -> find(r, null)));
        for (ScopedCertificate s : c.serviceCertificate().scopedCertificates()) {
            check(found, s.certificate(), "clientCredentials/serviceCertificate/scopedCertificates",
                    () -> find(s.certificate(), s.targetUri()));
        }
        return found;
    }

    private static void check(List<CredentialProblem> found, Object subject, String setting, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalStateException | IllegalArgumentException failed) {
            found.add(new CredentialProblem(subject, setting, failed.getMessage()));
        }
    }

    // ---- both

    /** Whether {@code binding}'s HTTP(S) transport authenticates callers with HTTP Basic (user names, too). */
    private static boolean httpBasic(Binding binding) {
        try {
            return binding.createBindingElements().stream().anyMatch(e -> (e instanceof HttpTransportBindingElement h
                    && h.authenticationScheme().contains(AuthenticationScheme.Basic))
                    || (e instanceof HttpsTransportBindingElement s
                    && s.http().authenticationScheme().contains(AuthenticationScheme.Basic)));
        } catch (BindingValidationException invalid) {
            return false;
        }
    }

    /** The authentication modes of {@code binding}'s security ({@link AuthenticationMode#of}). */
    private static Set<AuthenticationMode> modes(Binding binding) {
        try {
            return AuthenticationMode.of(binding.createBindingElements());
        } catch (BindingValidationException invalid) {
            return Set.of();
        }
    }

    private StoredCertificate find(X509CertificateReference r, URI target) {
        return lookup.find(r.storeLocation(), r.storeName(), r.x509FindType(), r.findValue(), target);
    }

    private X509Credential withKey(X509CertificateReference r, URI target, String setting) {
        StoredCertificate found = find(r, target);
        return new X509Credential(found.certificate(), found.privateKey().orElseThrow(() -> new IllegalStateException(
                "The certificate '" + found.certificate().getSubjectX500Principal().getName() + "' that " + setting
                        + " names (" + r.criteria() + ") has no private key in its store: it must be a key entry"
                        + " readable with the store's password (a PKCS#12 file's .password file, or the mapping"
                        + " file's).")));
    }

    /** Why {@code v} cannot be run, if it cannot: a custom validator without its type. */
    private static Optional<String> trustRefusal(X509CertificateValidation v, String element) {
        switch (v.certificateValidationMode()) {
            case Custom:
                return v.customCertificateValidatorType().isBlank() ? Optional.of("X509CertificateValidationMode.Custom"
                        + " requires CustomCertificateValidator. Specify the CustomCertificateValidator property.")
                        : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /**
     * WCF's trust: {@code TrustedPeople} and {@code Root} of {@code trustedStoreLocation}; chain trust checking
     * revocation as {@code revocationMode} says.
     */
    private X509CertificateAuthentication trust(X509CertificateValidation v) {
        StoreLocation at = v.trustedStoreLocation();
        return switch (v.certificateValidationMode()) {
            case None -> new X509CertificateAuthentication(CertificateValidationMode.None, List.of(), List.of());
            case PeerTrust -> X509CertificateAuthentication.peerTrust(certificates(at, StoreName.TrustedPeople));
            case ChainTrust -> X509CertificateAuthentication.chainTrust(certificates(at, StoreName.Root))
                    .withRevocation(revocation(v));
            case PeerOrChainTrust -> new X509CertificateAuthentication(CertificateValidationMode.PeerOrChainTrust,
                    certificates(at, StoreName.TrustedPeople), certificates(at, StoreName.Root))
                    .withRevocation(revocation(v));
            case Custom -> X509CertificateAuthentication.custom(instance(v.customCertificateValidatorType(),
                    "customCertificateValidatorType", X509CertificateValidator.class));
        };
    }

    private RevocationCheck revocation(X509CertificateValidation v) {
        return switch (v.revocationMode()) {
            case NoCheck -> RevocationCheck.none();
            case Online -> RevocationCheck.online();
            case Offline -> RevocationCheck.offline(stores.crls(v.trustedStoreLocation()));
        };
    }

    private List<X509Certificate> certificates(StoreLocation location, StoreName name) {
        return stores.open(location, name).stream().map(StoredCertificate::certificate).toList();
    }

    /** The Java class a configuration's .NET type name ({@code "Type, Assembly"}) names, made. */
    private <T> T instance(String dotNetType, String setting, Class<T> base) {
        Class<? extends T> type = type(dotNetType, setting, base);
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot create the " + setting + " " + type.getName() + ": "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the " + setting + " " + type.getName() + ": it needs a"
                    + " public parameterless constructor (" + e + ").", e);
        }
    }

    /**
     * The Java class a configuration's .NET type name names, checked as {@link #instance} needs it (a subtype of
     * {@code base} with a public parameterless constructor) but not made.
     */
    private <T> Class<? extends T> type(String dotNetType, String setting, Class<T> base) {
        String name = dotNetType.split(",", 2)[0].trim();
        Class<?> type = types.service(name).orElseThrow(() -> new IllegalStateException("No Java class for " + setting
                + "=\"" + dotNetType + "\": map '" + name + "' to a class implementing " + base.getName()
                + " (ServiceTypes.map, or --type " + name + "=com.example.Validator), register it, or name the class "
                + name + "."));
        if (!base.isAssignableFrom(type)) {
            throw new IllegalStateException("The class " + type.getName() + " that " + setting + "=\"" + dotNetType
                    + "\" resolves to does not implement " + base.getName() + ".");
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Cannot create the " + setting + " " + type.getName() + ": it needs a"
                    + " public parameterless constructor (" + e + ").", e);
        }
        return type.asSubclass(base);
    }
}
