package io.github.wcf4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wcf4j kdc DIR --principal host/localhost --principal alice}: a Kerberos test realm on this machine (the KDC
 * {@code demo} uses, Apache Kerby's, realm {@value DemoKdc#REALM}, on a free port of localhost) until interrupted, and
 * one settings file per principal in DIR for {@code wcf4j.kerberos} / {@code WCF4J_KERBEROS}: so that a configuration
 * that authenticates with Windows credentials (wsHttpBinding's default) can be hosted and called where there is no
 * Active Directory. Not for production: the keys live in a temporary folder deleted when it stops.
 */
@Command(name = "kdc", mixinStandardHelpOptions = true,
        description = "Run a Kerberos test realm and write a wcf4j.kerberos settings file per principal.")
final class KdcCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "where the settings files go")
    Path folder;

    @Option(names = "--principal", paramLabel = "NAME", required = true,
            description = "a principal to create, without the realm: a service's SPN (host/localhost, WCF's default"
                    + " for a service at localhost) or a user (alice); repeatable")
    List<String> principals = new ArrayList<>();

    @Option(names = "--stop-after", paramLabel = "DURATION", hidden = true,
            description = "stop after this long (ISO-8601, e.g. PT30S) instead of waiting for an interrupt")
    Duration stopAfter;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(folder);
        CountDownLatch stop = new CountDownLatch(1);
        try (DemoKdc kdc = DemoKdc.start()) {
            for (String p : principals) {
                out.println("kdc: " + p + "@" + DemoKdc.REALM + ": " + kdc.settingsFile(p, folder));
            }
            out.println("kdc: ready (" + kdc.where() + ")" + (stopAfter == null ? "; press Ctrl+C to stop" : ""));
            out.flush();
            Thread hook = new Thread(stop::countDown, "wcf4j-kdc-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            if (stopAfter != null) {
                stop.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS);
                Runtime.getRuntime().removeShutdownHook(hook);
            } else {
                stop.await();
            }
        }
        out.println("kdc: stopped");
        return ExitCodes.OK;
    }
}
