package io.github.wcf4j.runtime.stack;

import java.net.URI;

/**
 * Where a listener listens (WCF's {@code ListenUriBaseAddress}/{@code ListenUriRelativeAddress}/{@code ListenUriMode}):
 * an explicit URI, or (unique) a fresh address the transport chooses under {@code uri}, e.g. an ephemeral port.
 */
public record ListenAddress(URI uri, boolean unique) {
    public static ListenAddress explicit(URI uri) {
        return new ListenAddress(uri, false);
    }

    public static ListenAddress unique(URI base) {
        return new ListenAddress(base, true);
    }
}
