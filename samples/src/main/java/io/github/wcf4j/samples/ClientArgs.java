package io.github.wcf4j.samples;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import java.nio.file.Path;

/** The client endpoint a sample client's command line names: {@code CONFIG [ENDPOINT-NAME]} (default: unnamed). */
public final class ClientArgs {
    private ClientArgs() {
    }

    /** Reads the endpoint, or prints {@code program}'s usage and exits 2 when no configuration is given. */
    public static ClientEndpoint endpoint(String program, String[] args) {
        if (args.length < 1) {
            System.err.println("usage: " + program + " CLIENT.config [ENDPOINT-NAME]");
            System.exit(2);
        }
        ServiceModelConfiguration config = ServiceModelConfigReader.create().read(Path.of(args[0])).orThrow();
        String name = args.length > 1 ? args[1] : "";
        return config.clientEndpoint(name).orElseThrow(() ->
                new IllegalArgumentException("no client endpoint named '" + name + "'"));
    }
}
