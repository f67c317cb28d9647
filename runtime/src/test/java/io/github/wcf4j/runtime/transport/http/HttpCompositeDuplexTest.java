package io.github.wcf4j.runtime.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed binding without reliableSession and security (compositeDuplex, oneWay, textMessageEncoding, httpTransport)
 * over loopback HTTP: the request goes to the service as a one-way POST (202), the answer comes back as a POST to the
 * client's back channel.
 */
class HttpCompositeDuplexTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private static final Duration T = Duration.ofSeconds(10);
    private final SystemScheduler scheduler = new SystemScheduler();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();
    private ChannelListener<DuplexChannel> listener;
    private ChannelFactory<DuplexChannel> factory;

    @AfterEach
    void close() {
        if (factory != null) {
            factory.abort();
        }
        if (listener != null) {
            listener.abort();
        }
        scheduler.close();
    }

    private static CustomBinding seedWithoutRmAndSecurity(CompositeDuplexBindingElement cd) {
        return CustomBinding.of("Binding1", cd, OneWayBindingElement.defaults(),
                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults());
    }

    private void roundTrip(CustomBinding binding, String backChannelPathPrefix) {
        BindingParameters p = new BindingParameters().put(Scheduler.class, scheduler);
        listener = builder.buildListener(binding, ChannelType.DUPLEX, p.copy().put(ListenAddress.class,
                ListenAddress.unique(URI.create("http://localhost:0/servicemodelsamples/"))));
        Futures.join(listener.open(T));
        DuplexChannel service = Futures.join(listener.acceptChannel(T)).orElseThrow();
        Futures.join(service.open(T));
        factory = builder.buildFactory(binding, ChannelType.DUPLEX, p);
        Futures.join(factory.open(T));
        DuplexChannel client = factory.createChannel(EndpointAddress.of(listener.uri()));
        Futures.join(client.open(T));

        CompletableFuture<Optional<Message>> arriving = service.receive(T);
        Message add = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/ICalculator/Add",
                new XmlFragment("<Add xmlns=\"" + NS + "\"><n1>2</n1><n2>3</n2></Add>"));
        add.headers().messageId("urn:uuid:" + UUID.randomUUID());
        Futures.join(client.send(add, T));
        Message request = Futures.join(arriving).orElseThrow();
        URI replyTo = request.headers().replyTo().uri();
        assertEquals("localhost", replyTo.getHost());
        assertTrue(replyTo.getPort() > 0, replyTo.toString());
        assertTrue(replyTo.getPath().startsWith(backChannelPathPrefix), replyTo.toString());

        CompletableFuture<Optional<Message>> answer = client.receive(T);
        Message reply = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/ICalculator/AddResponse",
                new XmlFragment("<AddResponse xmlns=\"" + NS + "\"><AddResult>5</AddResult></AddResponse>"));
        reply.headers().to(request.headers().replyTo());
        reply.headers().relatesTo(request.headers().messageId());
        Futures.join(service.send(reply, T));
        Message got = Futures.join(answer).orElseThrow();
        assertEquals(add.headers().messageId(), got.headers().relatesTo());
        assertEquals("<AddResponse xmlns=\"" + NS + "\"><AddResult>5</AddResult></AddResponse>", got.body().xml());
    }

    @Test
    void theServiceAnswersAtTheClientsBaseAddress() {
        roundTrip(seedWithoutRmAndSecurity(CompositeDuplexBindingElement.at(
                URI.create("http://localhost:0/myClient/"))), "/myClient/");
    }

    @Test
    void withoutClientBaseAddressTheClientListensAtATemporaryAddress() {
        roundTrip(seedWithoutRmAndSecurity(CompositeDuplexBindingElement.defaults()), "/Temporary_Listen_Addresses/");
    }
}
