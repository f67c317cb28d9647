package io.github.wcf4j.runtime.transport.inmemory;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.AddressAlreadyInUseException;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.time.Scheduler;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The wire of the in-memory transport: listeners by URI, every envelope that crosses (the {@link #wire() log}), and
 * injected faults (drop, duplicate, delay, reorder, disconnect). Messages cross as encoded bytes, so what a layer
 * sees is exactly what it would see from a socket.
 *
 * <p>Delivery is asynchronous, through the scheduler's executor (under {@code ManualScheduler}: when the test runs
 * pending work), so a send never re-enters the receiver on the sender's stack. Thread-safe.
 *
 * <pre>{@code
 * InMemoryNetwork net = new InMemoryNetwork(scheduler);
 * net.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).occurrence(2).then(FaultAction.drop()));
 * BindingParameters p = new BindingParameters().put(InMemoryNetwork.class, net).put(Scheduler.class, scheduler);
 * }</pre>
 */
public final class InMemoryNetwork {
    private final Scheduler scheduler;
    private final Map<URI, Object> endpoints = new ConcurrentHashMap<>();
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final List<WireRecord> log = new ArrayList<>();
    private final Map<Direction, ArrayDeque<Runnable>> held = new EnumMap<>(Direction.class);

    public InMemoryNetwork(Scheduler scheduler) {
        this.scheduler = scheduler;
        for (Direction d : Direction.values()) {
            held.put(d, new ArrayDeque<>());
        }
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** Adds a fault; rules are consulted in the order added, the first that fires applies. */
    public void inject(FaultRule rule) {
        rules.add(rule);
    }

    public void clearFaults() {
        rules.clear();
    }

    /** Every envelope that crossed so far, in order. */
    public synchronized List<WireRecord> wire() {
        return List.copyOf(log);
    }

    public synchronized void clearWire() {
        log.clear();
    }

    void register(URI uri, Object endpoint) {
        if (endpoints.putIfAbsent(uri, endpoint) != null) {
            throw new AddressAlreadyInUseException("An in-memory listener is already listening at " + uri + ".", null);
        }
    }

    void unregister(URI uri, Object endpoint) {
        endpoints.remove(uri, endpoint);
    }

    /**
     * The listener at {@code uri} or, as an HTTP listener owns the paths below its own, at the nearest ancestor path.
     */
    <T> T lookup(URI uri, Class<T> type) {
        String u = uri.toString();
        while (true) {
            Object e = endpoints.get(URI.create(u));
            if (e == null && u.endsWith("/")) {
                e = endpoints.get(URI.create(u.substring(0, u.length() - 1)));
            }
            if (type.isInstance(e)) {
                return type.cast(e);
            }
            String trimmed = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
            int slash = trimmed.lastIndexOf('/');
            if (slash <= trimmed.indexOf("//") + 1) {
                throw new EndpointNotFoundException(WcfText.EndpointNotFound.format(uri));
            }
            u = trimmed.substring(0, slash + 1);
        }
    }

    /**
     * Sends {@code bytes} one way: delivers them to {@code deliver} later, or applies an injected fault; a fault that
     * breaks the exchange is reported to {@code broken}.
     */
    void transmit(Direction d, byte[] bytes, Charset charset, Consumer<byte[]> deliver,
            Consumer<CommunicationException> broken) {
        String text = new String(bytes, charset);
        FaultAction action = null;
        for (FaultRule r : rules) {
            action = r.apply(d, text);
            if (action != null) {
                break;
            }
        }
        if (action != null && action.kind() == FaultAction.Kind.REWRITE) {
            byte[] rewritten = action.rewriter().apply(text).getBytes(charset);
            record(d, new String(rewritten, charset), "REWRITTEN");
            later(d, () -> deliver.accept(rewritten));
            return;
        }
        record(d, text, action == null ? "delivered" : action.kind().name());
        if (action == null) {
            later(d, () -> deliver.accept(bytes));
            return;
        }
        switch (action.kind()) {
            case DROP:
                scheduler.executor().execute(() -> broken.accept(
                        new CommunicationException("The message was lost on the in-memory wire (fault injection).")));
                return;
            case DISCONNECT:
                scheduler.executor().execute(() -> broken.accept(new ConnectionReset()));
                return;
            case BLACKHOLE:
                return;
            case DUPLICATE:
                later(d, () -> deliver.accept(bytes));
                later(d, () -> deliver.accept(bytes));
                return;
            case DELAY:
                scheduler.schedule(action.delay(), () -> scheduler.executor().execute(() -> deliver.accept(bytes)));
                return;
            case REORDER:
                synchronized (this) {
                    held.get(d).add(() -> deliver.accept(bytes));
                }
                return;
            default:
                throw new IllegalStateException(action.kind().name());
        }
    }

    /** Delivers, then releases anything held back for reordering in the same direction. */
    private void later(Direction d, Runnable delivery) {
        scheduler.executor().execute(() -> {
            delivery.run();
            List<Runnable> release;
            synchronized (this) {
                release = new ArrayList<>(held.get(d));
                held.get(d).clear();
            }
            release.forEach(Runnable::run);
        });
    }

    private synchronized void record(Direction d, String text, String fate) {
        log.add(new WireRecord(d, text, fate, scheduler.nanoTime()));
    }

    /** The connection under an exchange or session was reset (fault injection). */
    static final class ConnectionReset extends CommunicationException {
        ConnectionReset() {
            super("The in-memory connection was reset (fault injection).");
        }
    }
}
