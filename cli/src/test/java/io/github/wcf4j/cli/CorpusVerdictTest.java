package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.stack.ChannelSelection;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.ContractCatalog;
import io.github.wcf4j.binding.stack.ContractShape;
import io.github.wcf4j.binding.stack.ShapeNegotiator;
import io.github.wcf4j.binding.stack.Side;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.config.ConfigReadResult;
import io.github.wcf4j.config.Diagnostic;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationObject;
import io.github.wcf4j.runtime.security.CredentialsFromConfiguration;
import io.github.wcf4j.runtime.service.EndpointRefusals;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.stack.Refusal;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.github.wcf4j.runtime.time.ManualScheduler;
import io.github.wcf4j.runtime.time.Scheduler;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code validate}'s verdict on every endpoint of the real-world corpus ({@code ../shared/wcf-configs}) is what
 * building it does: no endpoint it calls runnable fails to build, none it calls unrunnable builds. Building means what
 * {@code host} and {@code call} do before they open a socket: the configuration loads without errors, the endpoint has
 * no refusal, and its channel stack builds in the shape its contract needs (any shape the binding builds on that side
 * when the contract is not known). Prints the measure of "porting unchanged": the application endpoints that run, and
 * the rest by cause.
 */
class CorpusVerdictTest {
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();
    private final EndpointRefusals refusals = new EndpointRefusals(builder);
    private final ContractCatalog contracts = Contracts.discovered();

    @Test
    void everyVerdictIsWhatBuildingTheEndpointDoes() throws IOException {
        Path corpus = Path.of(System.getProperty("wcf4j.shared", "../../shared")).resolve("wcf-configs")
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(corpus)) {
            String line = "wcf4j: the corpus of real WCF configurations was not found at " + corpus
                    + "; the check of validate's verdicts against it is skipped";
            System.out.println(line);
            Assumptions.abort(line);
        }
        ServiceModelConfigReader reader = ServiceModelConfigReader.create();
        int application = 0;
        int running = 0;
        int sspi = 0;
        int sspiStopped = 0;
        int runningOverTcp = 0;
        Map<String, Integer> causes = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        for (String name : files(corpus)) {
            ConfigReadResult read = reader.read(corpus.resolve(name));
            Findings findings = Findings.of(read, contracts);
            if (read.configuration().isEmpty()) {
                assertTrue(findings.endpoints().isEmpty());
                continue;
            }
            boolean loads = read.diagnostics().stream().noneMatch(Diagnostic::isError);
            Iterator<Findings.EndpointVerdict> verdicts = findings.endpoints().iterator();
            List<Boolean> builds = new ArrayList<>();
            List<Binding> bindings = new ArrayList<>();
            for (ServiceDescription service : read.configuration().get().services()) {
                for (ServiceEndpoint e : Findings.endpointsOf(read.configuration().get(), service, contracts)) {
                    List<Refusal> refused = new ArrayList<>(refusals.of(read.configuration().get()
                            .hostingEnvironment()));
                    refused.addAll(refusals.of(e));
                    refused.addAll(CredentialsFromConfiguration.refusals(
                            service.effectiveBehavior().effectiveCredentials(), e.binding()));
                    bindings.add(e.binding());
                    builds.add(loads && builds(e.binding(), Side.SERVICE, e.isMetadataExchange()
                            ? ContractCatalog.METADATA_EXCHANGE : contracts.find(e.contract()).orElse(null),
                            refused));
                }
            }
            for (ClientEndpoint e : read.configuration().get().clientEndpoints()) {
                bindings.add(e.binding());
                builds.add(loads && builds(e.binding(), Side.CLIENT, contracts.find(e.contract()).orElse(null),
                        refusals.of(e)));
            }
            Iterator<Binding> endpointBindings = bindings.iterator();
            for (boolean built : builds) {
                Findings.EndpointVerdict v = verdicts.next();
                Binding binding = endpointBindings.next();
                if (v.runs() != built) {
                    mismatches.add(name + " " + v.title() + ": validate says " + (v.runs() ? "runs" : "cannot run "
                            + v.reasons()) + ", building it " + (built ? "succeeds" : "fails"));
                }
                if (!v.metadataExchange()) {
                    application++;
                    if (v.runs()) {
                        running++;
                        if (sspiNegotiated(binding)) {
                            sspi++;
                        }
                        if (binding.createBindingElements().stream()
                                .anyMatch(x -> x instanceof TcpTransportBindingElement)) {
                            runningOverTcp++;
                        }
                    } else {
                        if (sspiNegotiated(binding)) {
                            sspiStopped++;
                        }
                        causes.merge(cause(v.reasons().get(0)), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.println("wcf4j: " + running + " of " + application + " application endpoints of the corpus run ("
                + sspi + " of them over SspiNegotiated, Kerberos; " + sspiStopped + " more over SspiNegotiated stop at"
                + " another cause; " + runningOverTcp + " over net.tcp); the rest by first cause:");
        causes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(c -> System.out.println("  " + c.getValue() + "  " + c.getKey()));
        assertEquals(List.of(), mismatches);
        assertEquals(132, application, "the corpus's application endpoints");
        assertEquals(81, running, "the application endpoints that run");
        assertEquals(26, sspi, "of them, the secure conversations over SspiNegotiated (Windows, run as Kerberos)");
        assertEquals(23, runningOverTcp, "of them over net.tcp (buffered or streamed; security None or Transport)");
    }

    /** Whether a binding's message security is bootstrapped by, or is, SSPI negotiation. */
    private static boolean sspiNegotiated(Binding binding) {
        return binding.find(SecurityBindingElement.class).map(s -> s.authenticationMode()
                == AuthenticationMode.SspiNegotiated || s.secureConversationBootstrap().map(b -> b.authenticationMode()
                        == AuthenticationMode.SspiNegotiated).orElse(false)).orElse(false);
    }

    /** What host and call do before they open anything. */
    private boolean builds(Binding binding, Side side, ContractShape contract, List<Refusal> refused) {
        if (!refused.isEmpty()) {
            return false;
        }
        List<ChannelShape> shapes;
        try {
            shapes = contract == null ? List.copyOf(ShapeNegotiator.of(binding).buildableShapes(side))
                    : List.of(side == Side.SERVICE ? ChannelSelection.selectService(binding, contract)
                            : ChannelSelection.selectClient(binding, contract));
        } catch (BindingValidationException e) {
            return false;
        }
        for (ChannelShape shape : shapes) {
            BindingParameters p = new BindingParameters().put(Scheduler.class, new ManualScheduler())
                    .put(ListenAddress.class, ListenAddress.explicit(URI.create("http://localhost:0/corpus")));
            try {
                CommunicationObject built = side == Side.SERVICE
                        ? builder.buildListener(binding, ChannelType.of(shape), p)
                        : builder.buildFactory(binding, ChannelType.of(shape), p);
                built.abort();
                return true;
            } catch (BindingValidationException | UnsupportedBindingException e) {
                // not in this shape
            }
        }
        return false;
    }

    private static String cause(Diagnostic d) {
        String m = d.message().replaceAll("\"[^\" ]*\"", "\"…\"");
        int stop = m.indexOf(" is not supported");
        return d.severity().label() + ": " + (stop > 0 ? m.substring(0, stop + 17) : m.length() > 100
                ? m.substring(0, 100) + "…" : m);
    }

    private static List<String> files(Path corpus) throws IOException {
        return Files.readAllLines(corpus.resolve("SOURCES.tsv"), StandardCharsets.UTF_8).stream()
                .map(l -> l.split("\t", -1)[0]).filter(n -> !n.equals("filename")).collect(Collectors.toList());
    }
}
