package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Windows' certificate stores for the JVM: each {@code (StoreLocation, StoreName)} a WCF configuration names
 * ({@code LocalMachine/My}, {@code CurrentUser/TrustedPeople}, ...) is a keystore file, so that the configuration's
 * {@code <serviceCertificate storeLocation storeName x509FindType findValue>} and {@code <certificateReference>} stay
 * as they are. The mapping is one small properties file beside the unchanged {@code app.config}, named by the system
 * property {@value #PROPERTY} or else the environment variable {@value #ENVIRONMENT}:
 *
 * <pre>
 * # &lt;StoreLocation&gt;/&lt;StoreName&gt; = keystore (PKCS#12; JKS when it ends in .jks), relative to this file
 * LocalMachine/My = service.p12
 * LocalMachine/My.password = changeit
 * CurrentUser/TrustedPeople = peers.jks
 * CurrentUser/TrustedPeople.passwordEnv = PEERS_PASSWORD
 * </pre>
 *
 * <p>{@code .password} gives a store's password, {@code .passwordEnv} the environment variable that holds it,
 * {@code .type} its keystore type when the extension does not tell. {@code Root} (both locations) is the JDK's
 * {@code cacerts} unless mapped; any other store not mapped is empty, so a search in it finds nothing (WCF's
 * "Cannot find the X.509 certificate ..."). A store is read when it is searched, as WCF opens a store per search.
 * Immutable; thread-safe.
 */
public final class CertificateStores {
    /** The system property naming the mapping file. */
    public static final String PROPERTY = "wcf4j.certificateStores";
    /** The environment variable naming the mapping file, when the system property is not set. */
    public static final String ENVIRONMENT = "WCF4J_CERTIFICATE_STORES";

    /** Where one store's certificates are read from. */
    public record StoreFile(Path path, String type, char[] password) {
        public StoreFile {
            password = password == null ? null : password.clone();
        }
    }

    private final Map<StoreLocation, Map<StoreName, StoreFile>> files;

    private CertificateStores(Map<StoreLocation, Map<StoreName, StoreFile>> files) {
        this.files = files;
    }

    /** Only the defaults: {@code Root} is the JDK's {@code cacerts}; every other store is empty. */
    public static CertificateStores defaults() {
        return new CertificateStores(withDefaults(new EnumMap<>(StoreLocation.class)));
    }

    /**
     * The stores the system property {@value #PROPERTY} or the environment variable {@value #ENVIRONMENT} names
     * ({@link #defaults()} when neither is set).
     */
    public static CertificateStores fromEnvironment() {
        return fromEnvironment(System.getProperty(PROPERTY), System::getenv);
    }

    static CertificateStores fromEnvironment(String property, Function<String, String> environment) {
        String file = property != null && !property.isBlank() ? property : environment.apply(ENVIRONMENT);
        return file == null || file.isBlank() ? defaults() : load(Path.of(file), environment);
    }

    /** The stores {@code mapping} (a properties file as above) maps. */
    public static CertificateStores load(Path mapping) {
        return load(mapping, System::getenv);
    }

    static CertificateStores load(Path mapping, Function<String, String> environment) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(mapping)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the certificate store mapping " + mapping + " (" + PROPERTY
                    + "): " + e.getMessage(), e);
        }
        Path base = mapping.toAbsolutePath().getParent();
        Map<StoreLocation, Map<StoreName, StoreFile>> files = new EnumMap<>(StoreLocation.class);
        for (String key : p.stringPropertyNames()) {
            int dot = key.indexOf('.');
            String store = dot < 0 ? key : key.substring(0, dot);
            String attribute = dot < 0 ? "" : key.substring(dot + 1);
            if (!List.of("", "password", "passwordEnv", "type").contains(attribute)) {
                throw bad(mapping, key, "unknown setting '" + attribute + "' (path, .password, .passwordEnv, .type)");
            }
            String[] parts = store.split("/", -1);
            if (parts.length != 2) {
                throw bad(mapping, key, "a store is <StoreLocation>/<StoreName>, e.g. LocalMachine/My");
            }
            StoreLocation location = parse(StoreLocation.class, parts[0], mapping, key);
            StoreName name = parse(StoreName.class, parts[1], mapping, key);
            if (attribute.isEmpty()) {
                String path = p.getProperty(key).trim();
                String passwordEnv = p.getProperty(store + ".passwordEnv");
                String password = passwordEnv != null ? environment.apply(passwordEnv.trim())
                        : p.getProperty(store + ".password");
                if (passwordEnv != null && password == null) {
                    throw bad(mapping, store + ".passwordEnv", "the environment variable " + passwordEnv.trim()
                            + " is not set");
                }
                Path file = base == null ? Path.of(path) : base.resolve(path);
                String type = p.getProperty(store + ".type", file.toString().toLowerCase(Locale.ROOT)
                        .endsWith(".jks") ? "JKS" : "PKCS12").trim();
                files.computeIfAbsent(location, l -> new EnumMap<>(StoreName.class)).put(name,
                        new StoreFile(file, type, password == null ? null : password.toCharArray()));
            } else if (!p.containsKey(store)) {
                throw bad(mapping, key, "no keystore is given for " + store);
            }
        }
        return new CertificateStores(withDefaults(files));
    }

    private static Map<StoreLocation, Map<StoreName, StoreFile>> withDefaults(
            Map<StoreLocation, Map<StoreName, StoreFile>> files) {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        for (StoreLocation location : StoreLocation.values()) {
            files.computeIfAbsent(location, l -> new EnumMap<>(StoreName.class))
                    .putIfAbsent(StoreName.Root, new StoreFile(cacerts, KeyStore.getDefaultType(), null));
        }
        Map<StoreLocation, Map<StoreName, StoreFile>> frozen = new EnumMap<>(StoreLocation.class);
        files.forEach((l, m) -> frozen.put(l, Collections.unmodifiableMap(new EnumMap<>(m))));
        return Collections.unmodifiableMap(frozen);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, Path mapping, String key) {
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw bad(mapping, key, "'" + value + "' is not a " + type.getSimpleName() + " ("
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
                    + ")");
        }
    }

    private static IllegalArgumentException bad(Path mapping, String key, String why) {
        return new IllegalArgumentException(mapping + ": " + key + ": " + why);
    }

    /** Where {@code (location, name)} is read from, if it is not empty. */
    public Optional<StoreFile> file(StoreLocation location, StoreName name) {
        return Optional.ofNullable(files.getOrDefault(location, Map.of()).get(name));
    }

    /** The certificates of one store, read now, in the keystore's alias order; none when the store is not mapped. */
    public List<StoredCertificate> open(StoreLocation location, StoreName name) {
        Optional<StoreFile> file = file(location, name);
        if (file.isEmpty()) {
            return List.of();
        }
        StoreFile f = file.get();
        try {
            KeyStore ks = KeyStore.getInstance(f.type());
            try (InputStream in = Files.newInputStream(f.path())) {
                ks.load(in, f.password());
            }
            List<StoredCertificate> out = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                Certificate c = ks.getCertificate(alias);
                if (c instanceof X509Certificate x) {
                    out.add(new StoredCertificate(alias, x, chain(ks, alias, x), key(ks, alias, f.password())));
                }
            }
            return out;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read the certificate store " + location + "/" + name + " ("
                    + f.path() + "): " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> chain(KeyStore ks, String alias, X509Certificate c)
            throws GeneralSecurityException {
        Certificate[] chain = ks.getCertificateChain(alias);
        if (chain == null) {
            return List.of(c);
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate x : chain) {
            out.add((X509Certificate) x);
        }
        return out;
    }

    private static Optional<PrivateKey> key(KeyStore ks, String alias, char[] password)
            throws GeneralSecurityException {
        if (!ks.isKeyEntry(alias) || password == null) {
            return Optional.empty();
        }
        try {
            Key k = ks.getKey(alias, password);
            return k instanceof PrivateKey pk ? Optional.of(pk) : Optional.empty();
        } catch (UnrecoverableKeyException e) {
            return Optional.empty();
        }
    }
}
