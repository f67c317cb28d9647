package io.github.wcf4j.runtime.encoding.binary;

/**
 * Resolves a [MC-NBFX] DictionaryString id: even ids name the static dictionary ({@link StaticDictionary}), odd ids the
 * session's strings ([MC-NBFSE]) as received so far.
 */
@FunctionalInterface
public interface DictionaryLookup {
    /** No session: every odd id is an error. */
    DictionaryLookup STATIC_ONLY = index -> {
        throw new MalformedBinaryException("The session dictionary has no string with id " + (2L * index + 1) + ".");
    };

    /** The session string with index {@code index} (wire id {@code 2 * index + 1}). */
    String sessionString(int index);

    /** The string of wire id {@code id}. */
    default String resolve(int id) {
        return (id & 1) == 0 ? StaticDictionary.string(id >>> 1) : sessionString(id >>> 1);
    }
}
