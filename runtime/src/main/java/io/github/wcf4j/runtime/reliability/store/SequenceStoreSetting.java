package io.github.wcf4j.runtime.reliability.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The store reliable sessions are kept in, as a wcf4j setting beside the configuration (WCF has no attribute for it,
 * and the {@code app.config} stays WCF's): the system property {@value #PROPERTY}, else the environment variable
 * {@value #ENVIRONMENT}, names the store's file; {@value #FSYNC_PROPERTY} / {@value #FSYNC_ENVIRONMENT} its
 * {@link FsyncPolicy} ({@code group} by default). Neither set: {@link SequenceStore#none()}, WCF's behaviour. A
 * {@link SequenceStore} binding parameter given in code wins over the setting.
 *
 * <p>A value starting with {@code jdbc:} names a database instead of a file, opened by the
 * {@link SequenceStoreProvider} on the class path that accepts it ({@code jdbc:postgresql://...}: the
 * {@code wcf4j-durable-postgres} module, for a farm); none: refused by name.
 *
 * <p>Every endpoint of a process naming the same file shares one open store (a file is opened by one process).
 */
public final class SequenceStoreSetting {
    public static final String PROPERTY = "wcf4j.reliableSessionStore";
    public static final String ENVIRONMENT = "WCF4J_RELIABLE_SESSION_STORE";
    public static final String FSYNC_PROPERTY = "wcf4j.reliableSessionStore.fsync";
    public static final String FSYNC_ENVIRONMENT = "WCF4J_RELIABLE_SESSION_STORE_FSYNC";

    private static final Map<Path, LogSequenceStore> OPEN = new ConcurrentHashMap<>();
    /** The stores named by a URL ({@code jdbc:...}), one per value. */
    private static final Map<String, SequenceStore> OPEN_BY_URL = new ConcurrentHashMap<>();

    private SequenceStoreSetting() {
    }

    /** The store the setting names, opened once per process. */
    public static SequenceStore fromEnvironment() {
        return from(System::getProperty, System::getenv);
    }

    static SequenceStore from(Function<String, String> properties, Function<String, String> environment) {
        String file = setting(properties, PROPERTY, environment, ENVIRONMENT);
        if (file == null) {
            return SequenceStore.none();
        }
        if (file.startsWith("jdbc:")) {
            return OPEN_BY_URL.computeIfAbsent(file, url -> provided(url, name -> setting(properties, name,
                    environment, name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'))));
        }
        String fsync = setting(properties, FSYNC_PROPERTY, environment, FSYNC_ENVIRONMENT);
        FsyncPolicy policy = fsync == null ? FsyncPolicy.GROUP : FsyncPolicy.named(fsync);
        Path path = Path.of(file).toAbsolutePath().normalize();
        LogSequenceStore store = OPEN.computeIfAbsent(path, p -> LogSequenceStore.open(p, policy));
        if (store.policy() != policy) {
            throw new IllegalStateException("The reliable session store " + path + " is open with fsync="
                    + store.policy().settingName() + ", not " + policy.settingName() + ".");
        }
        return store;
    }

    /** The store a {@link SequenceStoreProvider} on the class path opens for {@code url}; none: refused by name. */
    private static SequenceStore provided(String url, Function<String, String> settings) {
        for (SequenceStoreProvider p : java.util.ServiceLoader.load(SequenceStoreProvider.class,
                SequenceStoreSetting.class.getClassLoader())) {
            if (p.accepts(url)) {
                return p.open(url, settings);
            }
        }
        throw new IllegalStateException("The reliable session store " + redacted(url) + " (" + PROPERTY + ") needs a"
                + " store for it on the class path: jdbc:postgresql: is provided by the wcf4j-durable-postgres module.");
    }

    /** {@code url} without a password it carries (error messages). */
    public static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
    }

    private static String setting(Function<String, String> properties, String property,
            Function<String, String> environment, String variable) {
        String value = properties.apply(property);
        if (value == null || value.isBlank()) {
            value = environment.apply(variable);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
