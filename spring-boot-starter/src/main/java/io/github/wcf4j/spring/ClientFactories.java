package io.github.wcf4j.spring;

import io.github.wcf4j.runtime.client.ClientFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The client factories of the {@code <client>} endpoint beans, closed gracefully when the context stops, before the
 * application's own hosts (a later phase), so a client of a service in the same application still finds it for its
 * close handshake; together within {@code wcf4j.shutdown-timeout}.
 */
public final class ClientFactories implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ClientFactories.class);

    private final List<ClientFactory<?>> factories = new ArrayList<>();
    private final Duration shutdownTimeout;
    private volatile boolean running;

    ClientFactories(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    synchronized <T> ClientFactory<T> add(ClientFactory<T> factory) {
        factories.add(factory);
        return factory;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        closeAll();
    }

    @Override
    public void stop(Runnable callback) {
        Thread closing = new Thread(() -> {
            try {
                closeAll();
            } finally {
                callback.run();
            }
        }, "wcf4j-clients-shutdown");
        closing.start();
    }

    private void closeAll() {
        List<ClientFactory<?>> open;
        synchronized (this) {
            open = List.copyOf(factories);
            factories.clear();
        }
        CompletableFuture<?>[] closing = open.stream().map(f -> CompletableFuture.runAsync(() -> {
            try {
                f.close();
            } catch (RuntimeException failed) {
                LOG.warn("client endpoint '{}' not closed gracefully: {}", f.endpoint().displayName(),
                        failed.toString());
                f.abort();
            }
        })).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(closing).get(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            LOG.warn("client endpoints not closed within {}: aborted", shutdownTimeout);
            open.forEach(ClientFactory::abort);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            open.forEach(ClientFactory::abort);
        } catch (ExecutionException unexpected) {
            LOG.warn("closing the client endpoints failed: {}", unexpected.getCause().toString());
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before {@link ServiceHosts} (a higher phase stops first). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
