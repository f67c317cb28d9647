package io.github.wcf4j.runtime.reliability;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The sessions a listener routes messages to, by the identifiers of their sequences: the one each CreateSequence
 * created and, for two-way sessions, the client's offer (also how a repeated CreateSequence finds its session). A
 * session is made by {@link #register}, which hands it the handle that unregisters it when it ends.
 *
 * <p>Thread-safe.
 *
 * @param <S> what the listener reaches a session by (its service channel)
 */
final class SessionRegistry<S> {
    /** A registered session and the sequence its CreateSequence created. */
    record Entry<S>(String created, S session) {
    }

    private final Map<String, Entry<S>> byId = new ConcurrentHashMap<>();
    private final Map<String, Entry<S>> byOffer = new ConcurrentHashMap<>();

    /**
     * Registers the session {@code open} makes under {@code created} and, unless null, {@code offered}; {@code open}
     * gets the handle that unregisters it (which leaves a later session registered under the same offer in place).
     */
    S register(String created, String offered, Function<Runnable, S> open) {
        S session = open.apply(() -> unregister(created, offered));
        Entry<S> entry = new Entry<>(created, session);
        byId.put(created, entry);
        if (offered != null) {
            byId.put(offered, entry);
            byOffer.put(offered, entry);
        }
        return session;
    }

    private void unregister(String created, String offered) {
        // an entry is this registration's when it names the sequence this registration created (identifiers are new)
        BiFunction<String, Entry<S>, Entry<S>> ifThis = (id, e) -> e.created().equals(created) ? null : e;
        byId.computeIfPresent(created, ifThis);
        if (offered != null) {
            byId.computeIfPresent(offered, ifThis);
            byOffer.computeIfPresent(offered, ifThis);
        }
    }

    /** The session of sequence {@code id} (created or offered). */
    Optional<S> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(Entry::session);
    }

    /** The session a CreateSequence offering {@code offered} opened. */
    Optional<Entry<S>> byOffer(String offered) {
        return Optional.ofNullable(byOffer.get(offered));
    }

    /** Every registered session, once. */
    List<S> sessions() {
        return byId.values().stream().distinct().map(Entry::session).toList();
    }
}
