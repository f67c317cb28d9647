package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.client.PayloadTransport;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.metro.MetroProxyFactory;
import io.github.wcf4j.runtime.time.Scheduler;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What one endpoint of a duplex contract needs to call its callers back (WCF: the endpoint's callback
 * {@code ClientRuntime}): the callback contract's proxies (Metro's model is made once, on the first callback channel),
 * the message version, the binding's {@code sendTimeout} for callbacks, and the endpoint's address, where callers send
 * the replies to request/reply callbacks. Each duplex channel the endpoint accepts gets its {@link CallbackChannel}.
 * Thread-safe.
 */
final class CallbackEndpoint {
    private final ContractDescription callback;
    private final MessageVersion version;
    private final Duration sendTimeout;
    private final Scheduler scheduler;
    private final Supplier<URI> address;
    private volatile MetroProxyFactory<?> proxies;

    /** {@code callback}: the contract's {@link ContractDescription#callback()}. */
    CallbackEndpoint(ContractDescription callback, MessageVersion version, Duration sendTimeout, Scheduler scheduler,
            Supplier<URI> address) {
        this.callback = callback;
        this.version = version;
        this.sendTimeout = sendTimeout;
        this.scheduler = scheduler;
        this.address = address;
    }

    /** The callback channel of a session channel ({@code session}) or of the endpoint's one datagram channel. */
    CallbackChannel channel(DuplexChannel channel, boolean session) {
        return new CallbackChannel(this, channel, session);
    }

    ContractDescription contract() {
        return callback;
    }

    MessageVersion version() {
        return version;
    }

    Duration sendTimeout() {
        return sendTimeout;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    URI address() {
        return address.get();
    }

    /** A proxy of the callback contract whose calls go to {@code caller}. */
    Object proxy(PayloadTransport caller) {
        MetroProxyFactory<?> p = proxies;
        if (p == null) {
            synchronized (this) {
                p = proxies;
                if (p == null) {
                    proxies = p = MetroProxyFactory.of(callback);
                }
            }
        }
        return p.create(caller, address());
    }
}
