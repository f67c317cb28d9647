package io.github.wcf4j.spring.calculator;

import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.spring.HostCustomizer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The envelopes the calculator's host received and sent, as text: a wire tap given to the host by a HostCustomizer. */
@TestConfiguration(proxyBeanMethods = false)
public class WireLog {
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();

    @Bean
    HostCustomizer wireTap() {
        return (service, host) -> host.parameter(WireTap.class, (direction, envelope, contentType) -> {
            (direction == WireTap.Direction.RECEIVED ? received : sent).add(new String(envelope,
                    StandardCharsets.UTF_8));
        });
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    public List<String> sent() {
        return List.copyOf(sent);
    }

    /** A port nothing listens on now, for the service's base address. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
