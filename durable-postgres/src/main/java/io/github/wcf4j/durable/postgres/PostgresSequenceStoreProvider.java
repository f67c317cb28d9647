package io.github.wcf4j.durable.postgres;

import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.reliability.store.SequenceStoreProvider;
import java.util.function.Function;

/** Opens a {@code jdbc:postgresql:} value of {@code wcf4j.reliableSessionStore} as a {@link PostgresSequenceStore}. */
public final class PostgresSequenceStoreProvider implements SequenceStoreProvider {
    @Override
    public boolean accepts(String setting) {
        return setting.startsWith("jdbc:postgresql:");
    }

    @Override
    public SequenceStore open(String setting, Function<String, String> settings) {
        return PostgresSequenceStore.open(setting);
    }
}
