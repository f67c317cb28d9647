package io.github.wcf4j.runtime.reliability.store;

import java.util.function.Function;

/**
 * A store named by a URL-like {@link SequenceStoreSetting} value rather than a file ({@code jdbc:postgresql://...}),
 * found with {@link java.util.ServiceLoader} so that the runtime does not depend on a database driver: the
 * {@code wcf4j-durable-postgres} module provides {@code jdbc:postgresql:}.
 */
public interface SequenceStoreProvider {

    /** Whether this provider opens the store {@code setting} names. */
    boolean accepts(String setting);

    /**
     * Opens the store {@code setting} names (once per process: {@link SequenceStoreSetting} keeps it);
     * {@code settings} reads further wcf4j settings (system property, else environment variable).
     */
    SequenceStore open(String setting, Function<String, String> settings);
}
