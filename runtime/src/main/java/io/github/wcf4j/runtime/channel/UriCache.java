package io.github.wcf4j.runtime.channel;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The addresses a stack reads again and again (every message names its {@code To}, its {@code ReplyTo} is usually
 * anonymous, every call addresses the same endpoint), parsed once: a small direct-mapped table keyed by the text, so a
 * flood of distinct addresses costs no memory beyond its {@value #SIZE} slots. Parsing a URI was one of the largest
 * costs of reading an envelope (benchmarks/RESULTS.md).
 *
 * <p>Thread-safe: each slot holds an immutable URI published through an atomic array.
 */
public final class UriCache {
    private static final int SIZE = 256;
    private static final AtomicReferenceArray<URI> SLOTS = new AtomicReferenceArray<>(SIZE);

    private UriCache() {
    }

    /** {@link URI#create}, from the table when {@code text} was parsed recently. */
    public static URI uri(String text) {
        int slot = (text.hashCode() & 0x7fffffff) % SIZE;
        URI cached = SLOTS.get(slot);
        if (cached != null && cached.toString().equals(text)) {
            return cached;
        }
        URI parsed = URI.create(text);
        SLOTS.set(slot, parsed);
        return parsed;
    }
}
