package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.runtime.security.CertificateStores.StoreFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
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
 * Windows' certificate stores as keystore files a mapping file names, one line per store:
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
 * {@code cacerts} unless mapped; any other store not mapped is empty. Immutable; thread-safe.
 */
final class StoreMapping {
    private final Map<StoreLocation, Map<StoreName, StoreFile>> files;

    private StoreMapping(Map<StoreLocation, Map<StoreName, StoreFile>> files) {
        this.files = withDefaults(files);
    }

    /** Only {@code Root}, the JDK's {@code cacerts}. */
    static StoreMapping defaults() {
        return new StoreMapping(new EnumMap<>(StoreLocation.class));
    }

    static StoreMapping load(Path mapping, Function<String, String> environment) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(mapping)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the certificate store mapping " + mapping + " ("
                    + CertificateStores.PROPERTY + "): " + e.getMessage(), e);
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
        return new StoreMapping(files);
    }

    private static Map<StoreLocation, Map<StoreName, StoreFile>> withDefaults(
            Map<StoreLocation, Map<StoreName, StoreFile>> files) {
        for (StoreLocation location : StoreLocation.values()) {
            files.computeIfAbsent(location, l -> new EnumMap<>(StoreName.class))
                    .putIfAbsent(StoreName.Root, cacerts());
        }
        Map<StoreLocation, Map<StoreName, StoreFile>> frozen = new EnumMap<>(StoreLocation.class);
        files.forEach((l, m) -> frozen.put(l, Collections.unmodifiableMap(new EnumMap<>(m))));
        return Collections.unmodifiableMap(frozen);
    }

    /** The JDK's trusted roots. */
    static StoreFile cacerts() {
        return new StoreFile(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"),
                KeyStore.getDefaultType(), null);
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

    Optional<StoreFile> file(StoreLocation location, StoreName name) {
        return Optional.ofNullable(files.getOrDefault(location, Map.of()).get(name));
    }

    List<StoredCertificate> read(StoreLocation location, StoreName name) {
        Optional<StoreFile> file = file(location, name);
        return file.isEmpty() ? List.of() : read(location, name, file.get());
    }

    /** The entries of one keystore, named by their aliases. */
    static List<StoredCertificate> read(StoreLocation location, StoreName name, StoreFile f) {
        try {
            return KeyStoreFile.read(f.path(), f.type(), f.password(), alias -> alias);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read the certificate store " + location + "/" + name + " ("
                    + f.path() + "): " + e.getMessage(), e);
        }
    }
}
