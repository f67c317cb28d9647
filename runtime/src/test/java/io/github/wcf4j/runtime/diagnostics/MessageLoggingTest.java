package io.github.wcf4j.runtime.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.MessageLoggingSettings;
import io.github.wcf4j.binding.description.ProtocolMapping;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceHostingEnvironment;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * {@code <diagnostics><messageLogging>} end to end: a calculator host and client over HTTP log at service and
 * transport level as WCF's sources name them, the body only with {@code logEntireMessage}, no more than
 * {@code maxMessagesToLog} records, none larger than {@code maxSizeOfMessageToLog}, and what could not be read as
 * malformed.
 */
class MessageLoggingTest {
    private static final CustomBinding BINDING = CustomBinding.of("logged",
            TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults());
    private final CapturingLogger service = new CapturingLogger();
    private final CapturingLogger client = new CapturingLogger();
    private ServiceHost host;
    private ClientFactory<Calculator> factory;

    @AfterEach
    void close() {
        if (factory != null) {
            factory.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private static MessageLoggingSettings logging(boolean entire, int max, int size) {
        return new MessageLoggingSettings(entire, false, true, true, true, max, size, false);
    }

    private Calculator open(MessageLoggingSettings settings) {
        ServiceDescription d = new ServiceDescription("Calc", Optional.empty(), List.of(URI.create(
                "http://localhost:0/logged/")), List.of(new ServiceEndpoint("", "", "customBinding", "logged", BINDING,
                        "ICalc", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty())));
        ServiceModelConfiguration config = new ServiceModelConfiguration(List.of(d), List.of(), List.of(BINDING),
                List.of(), List.of(), ProtocolMapping.defaults(), List.of(), ServiceHostingEnvironment.defaults(),
                settings);
        host = ServiceHost.builder(config, "Calc").types(ServiceTypes.empty().map("Calc", CalculatorService.class)
                .map("ICalc", Calculator.class)).parameter(MessageLog.class, MessageLog.of(settings, service)).build();
        host.open();
        factory = ClientFactory.builder(new ClientEndpoint("", host.endpoints().get(0).address(), "customBinding",
                "logged", BINDING, "ICalc", Optional.empty(), Optional.empty(), List.of(), Optional.empty()),
                Calculator.class).messageLogging(settings).parameter(MessageLog.class, MessageLog.of(settings, client))
                .build();
        return factory.createChannel();
    }

    @Test
    void bothSidesLogEveryCallAtServiceAndTransportLevel() {
        Calculator calc = open(logging(true, -1, -1));
        assertEquals(5.0, calc.add(2, 3));
        assertEquals(1, service.of(MessageLog.Source.ServiceLevelReceiveRequest).size());
        assertEquals(1, service.of(MessageLog.Source.ServiceLevelSendReply).size());
        assertEquals(1, service.of(MessageLog.Source.TransportReceive).size());
        assertEquals(1, service.of(MessageLog.Source.TransportSend).size());
        assertEquals(1, client.of(MessageLog.Source.ServiceLevelSendRequest).size());
        assertEquals(1, client.of(MessageLog.Source.ServiceLevelReceiveReply).size());
        assertEquals(1, client.of(MessageLog.Source.TransportSend).size());
        assertEquals(1, client.of(MessageLog.Source.TransportReceive).size());
        String received = service.of(MessageLog.Source.ServiceLevelReceiveRequest).get(0);
        assertTrue(received.contains("<n1>2.0</n1>"), received);
        assertTrue(received.contains("ICalculator/Add</a:Action>"), received);
        assertTrue(service.of(MessageLog.Source.ServiceLevelSendReply).get(0).contains(">5.0</AddResult>"),
                service.lines().toString());
        calc.reset(1);
        assertEquals(1, client.of(MessageLog.Source.ServiceLevelSendDatagram).size());
    }

    @Test
    void withoutLogEntireMessageBodiesAreLeftOut() {
        Calculator calc = open(logging(false, -1, -1));
        calc.add(2, 3);
        for (CapturingLogger.Line line : service.lines()) {
            assertFalse(line.text().contains("<n1>"), line.text());
            assertTrue(line.text().contains("... stream ..."), line.text());
        }
    }

    @Test
    void noMoreThanMaxMessagesToLogRecordsAreWritten() {
        Calculator calc = open(logging(true, 3, -1));
        calc.add(1, 1);
        calc.add(1, 2);
        List<CapturingLogger.Line> lines = service.lines();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(3).text().startsWith("Message logging has reached its limit: maxMessagesToLog is 3"),
                lines.toString());
    }

    @Test
    void aMessageLargerThanMaxSizeOfMessageToLogIsNotLogged() {
        Calculator calc = open(logging(true, -1, 100));
        calc.add(2, 3);
        assertTrue(service.lines().isEmpty(), service.lines().toString());
    }

    @Test
    void whatCannotBeReadIsLoggedAsMalformedAtWarn() throws Exception {
        open(logging(true, -1, -1));
        URI uri = host.endpoints().get(0).address();
        try (RawHttp raw = RawHttp.to(uri)) {
            RawHttp.Response r = raw.post(uri.getPath(), "application/soap+xml; charset=utf-8",
                    "<s:Envelope><unclosed");
            assertEquals(400, r.status());
        }
        List<CapturingLogger.Line> malformed = service.lines().stream()
                .filter(l -> l.text().startsWith("Malformed ")).toList();
        assertEquals(1, malformed.size(), service.lines().toString());
        assertEquals(Level.WARN, malformed.get(0).level());
        assertTrue(malformed.get(0).text().contains("<s:Envelope><unclosed"), malformed.get(0).text());
    }

    @Test
    void filteredOrSilentSettingsLogNothing() {
        assertEquals(MessageLog.none(), MessageLog.of(MessageLoggingSettings.defaults(), client));
        assertEquals(MessageLog.none(), MessageLog.of(new MessageLoggingSettings(true, false, true, true, true, -1,
                -1, true), client));
    }
}
