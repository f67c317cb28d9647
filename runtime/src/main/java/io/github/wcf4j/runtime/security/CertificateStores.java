package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Windows' certificate stores for the JVM: each {@code (StoreLocation, StoreName)} a WCF configuration names
 * ({@code LocalMachine/My}, {@code CurrentUser/TrustedPeople}, ...) is found on disk, so that the configuration's
 * {@code <serviceCertificate storeLocation storeName x509FindType findValue>} and {@code <certificateReference>} stay
 * as they are. Two layouts:
 * <ul>
 * <li><b>store folders</b> (the default): {@code <root>/<StoreLocation>/<StoreName>/} holding PKCS#12 and PEM files
 * ({@link StoreFolders} says which), the root named by the system property {@value #ROOT_PROPERTY} or else the
 * environment variable {@value #ROOT_ENVIRONMENT}, else {@link #defaultRoot() ~/.wcf4j/certificates}. {@code Root}
 * is the JDK's {@code cacerts} plus its folder, and {@code CurrentUser/Root} also shows {@code LocalMachine/Root}, as
 * Windows' user root store shows the machine's roots;</li>
 * <li><b>a mapping file</b>, one keystore per store ({@link #load(Path)}), named by the system property
 * {@value #PROPERTY} or else the environment variable {@value #ENVIRONMENT}; when it is named it wins over the
 * folders.</li>
 * </ul>
 * A store is read when it is searched, as WCF opens a store per search, so a certificate added on disk is found by the
 * next search; a certificate the store holds more than once (a {@code .p12} and its {@code .cer}) is one entry, with
 * its private key if either has it. A store that does not exist is empty, so a search in it finds nothing (WCF's
 * "Cannot find the X.509 certificate ..."). Immutable; thread-safe.
 *
 * <pre>{@code
 * CertificateStores stores = CertificateStores.fromEnvironment();
 * List<StoredCertificate> my = stores.open(StoreLocation.LocalMachine, StoreName.My);
 * }</pre>
 */
public final class CertificateStores {
    /** The system property naming the mapping file. */
    public static final String PROPERTY = "wcf4j.certificateStores";
    /** The environment variable naming the mapping file, when the system property is not set. */
    public static final String ENVIRONMENT = "WCF4J_CERTIFICATE_STORES";
    /** The system property naming the root folder of the store folders. */
    public static final String ROOT_PROPERTY = "wcf4j.certificateStoreRoot";
    /** The environment variable naming the root folder of the store folders, when the system property is not set. */
    public static final String ROOT_ENVIRONMENT = "WCF4J_CERTIFICATE_STORE_ROOT";

    /** Where one store's certificates are read from. */
    public record StoreFile(Path path, String type, char[] password) {
        public StoreFile {
            password = password == null ? null : password.clone();
        }
    }

    private final StoreMapping mapping;
    private final StoreFolders folders;

    private CertificateStores(StoreMapping mapping, StoreFolders folders) {
        this.mapping = mapping;
        this.folders = folders;
    }

    /** Only the defaults: {@code Root} is the JDK's {@code cacerts}; every other store is empty. */
    public static CertificateStores defaults() {
        return new CertificateStores(StoreMapping.defaults(), null);
    }

    /**
     * The stores the mapping file named by {@value #PROPERTY} or {@value #ENVIRONMENT} maps, if one is named, else the
     * store folders under {@link #rootFromEnvironment()}.
     */
    public static CertificateStores fromEnvironment() {
        return fromSettings(System::getProperty, System::getenv);
    }

    static CertificateStores fromSettings(Function<String, String> properties, Function<String, String> environment) {
        String file = setting(properties, PROPERTY, environment, ENVIRONMENT);
        return file != null ? load(Path.of(file), environment) : folders(root(properties, environment));
    }

    /**
     * The root of the store folders: {@value #ROOT_PROPERTY}, else {@value #ROOT_ENVIRONMENT}, else
     * {@link #defaultRoot()}.
     */
    public static Path rootFromEnvironment() {
        return root(System::getProperty, System::getenv);
    }

    static Path root(Function<String, String> properties, Function<String, String> environment) {
        String root = setting(properties, ROOT_PROPERTY, environment, ROOT_ENVIRONMENT);
        return root != null ? Path.of(root) : defaultRoot(properties.apply("user.home"));
    }

    /**
     * {@code ~/.wcf4j/certificates}: the user's, as {@code ~/.keystore} and {@code ~/.m2} are, so that
     * {@code wcf4j certs} and a test host need no administrator; a machine-wide host names another root.
     */
    public static Path defaultRoot() {
        return defaultRoot(System.getProperty("user.home"));
    }

    private static Path defaultRoot(String home) {
        return Path.of(home, ".wcf4j", "certificates");
    }

    /** Whether the mapping file is named by {@value #PROPERTY} or {@value #ENVIRONMENT} (and so wins). */
    public static boolean mappingFromEnvironment() {
        return setting(System::getProperty, PROPERTY, System::getenv, ENVIRONMENT) != null;
    }

    private static String setting(Function<String, String> properties, String property,
            Function<String, String> environment, String variable) {
        String value = properties.apply(property);
        if (value == null || value.isBlank()) {
            value = environment.apply(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The store folders under {@code root} (see above); the folders need not exist. */
    public static CertificateStores folders(Path root) {
        return new CertificateStores(null, new StoreFolders(root));
    }

    /** The stores {@code mapping} (a properties file, see {@link StoreMapping}) maps. */
    public static CertificateStores load(Path mapping) {
        return load(mapping, System::getenv);
    }

    static CertificateStores load(Path mapping, Function<String, String> environment) {
        return new CertificateStores(StoreMapping.load(mapping, environment), null);
    }

    /** The keystore {@code (location, name)} is read from, when a mapping file (or the default {@code Root}) says. */
    public Optional<StoreFile> file(StoreLocation location, StoreName name) {
        return mapping == null ? Optional.empty() : mapping.file(location, name);
    }

    /** The folder {@code (location, name)} is read from, with the store folders. */
    public Optional<Path> folder(StoreLocation location, StoreName name) {
        return folders == null ? Optional.empty() : Optional.of(folders.folder(location, name));
    }

    /** The certificates of one store, read now, in store order; none when the store does not exist. */
    public List<StoredCertificate> open(StoreLocation location, StoreName name) {
        if (mapping != null) {
            return distinct(mapping.read(location, name));
        }
        List<StoredCertificate> all = new ArrayList<>();
        if (name == StoreName.Root) {
            all.addAll(StoreMapping.read(location, name, StoreMapping.cacerts()));
            if (location == StoreLocation.CurrentUser) {
                all.addAll(folders.read(StoreLocation.LocalMachine, name));
            }
        }
        all.addAll(folders.read(location, name));
        return distinct(all);
    }

    /**
     * The certificates of the store's own folder (a {@code wcf4j certs list}), without what a search adds: the JDK's
     * roots, the machine's roots in the user's {@code Root}; none with a mapping file.
     */
    public List<StoredCertificate> openFolder(StoreLocation location, StoreName name) {
        return folders == null ? List.of() : distinct(folders.read(location, name));
    }

    /**
     * The certificate revocation lists kept at {@code location}, read now: the {@code *.crl} files (DER or PEM) of its
     * {@code CertificateAuthority} and {@code Root} folders, where Windows keeps CRLs, and for {@code CurrentUser}
     * also the machine's, as with {@code Root}; none with a mapping file. What revocationMode="Offline" checks.
     *
     * @throws IllegalStateException a file that is no CRL
     */
    public List<X509CRL> crls(StoreLocation location) {
        if (folders == null) {
            return List.of();
        }
        List<X509CRL> all = new ArrayList<>();
        List<StoreLocation> at = location == StoreLocation.CurrentUser
                ? List.of(StoreLocation.CurrentUser, StoreLocation.LocalMachine) : List.of(location);
        for (StoreLocation l : at) {
            all.addAll(folders.crls(l, StoreName.CertificateAuthority));
            all.addAll(folders.crls(l, StoreName.Root));
        }
        return List.copyOf(all);
    }

    /** One entry per certificate, where it first appears, with a private key if any of its entries has one. */
    private static List<StoredCertificate> distinct(List<StoredCertificate> entries) {
        Map<X509Certificate, StoredCertificate> out = new LinkedHashMap<>();
        for (StoredCertificate c : entries) {
            out.merge(c.certificate(), c, (first, again) -> first.privateKey().isPresent()
                    || again.privateKey().isEmpty() ? first : again);
        }
        return List.copyOf(out.values());
    }
}
