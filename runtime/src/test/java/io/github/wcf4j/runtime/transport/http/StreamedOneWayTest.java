package io.github.wcf4j.runtime.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationObject;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.InputChannel;
import io.github.wcf4j.runtime.channel.OutputChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One-way messages over streamed HTTP at the channel level (WCF allows oneWay above a streamed transport): the body is
 * written as it is sent and received with its body still arriving; the 202 waits for the body to be read.
 */
class StreamedOneWayTest {
    private static final Duration T = Duration.ofSeconds(30);
    private static final String NS = "urn:streamed";

    private final SystemScheduler scheduler = new SystemScheduler();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();
    private final List<CommunicationObject> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(CommunicationObject::abort);
        scheduler.close();
    }

    @Test
    void aOneWayMessageStreamsOverStreamedHttp() throws Exception {
        CustomBinding b = CustomBinding.of("ow", OneWayBindingElement.defaults(),
                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.builder()
                        .transferMode(TransferMode.Streamed).maxReceivedMessageSize(64L << 20).build());
        BindingParameters p = new BindingParameters().put(Scheduler.class, scheduler);
        ChannelListener<InputChannel> l = builder.buildListener(b, ChannelType.INPUT,
                p.put(ListenAddress.class, ListenAddress.unique(URI.create("http://localhost:0/ow/"))));
        opened.add(l);
        Futures.join(l.open(T));
        CompletableFuture<Integer> received = l.acceptChannel(T).thenCompose(c -> {
            InputChannel in = c.orElseThrow();
            Futures.join(in.open(T));
            return in.receive(T);
        }).thenApplyAsync(m -> count(m.orElseThrow()));
        ChannelFactory<OutputChannel> f = builder.buildFactory(b, ChannelType.OUTPUT,
                new BindingParameters().put(Scheduler.class, scheduler));
        opened.add(f);
        Futures.join(f.open(T));
        OutputChannel out = f.createChannel(EndpointAddress.of(l.uri().toString()));
        Futures.join(out.open(T));
        int items = 100_000;
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/Items", w -> {
            w.writeStartElement("", "Items", NS);
            w.writeDefaultNamespace(NS);
            for (int i = 0; i < items; i++) {
                w.writeStartElement("", "i", NS);
                w.writeCharacters(Integer.toString(i));
                w.writeEndElement();
            }
            w.writeEndElement();
        });
        Futures.join(out.send(m, T));
        assertEquals(items, received.get(T.toSeconds(), TimeUnit.SECONDS));
    }

    /** The {@code <i>} children of the body's element, read as they arrive. */
    private static int count(Message m) {
        assertTrue(m.streamedBody().isPresent(), "the body arrives streamed");
        try {
            XMLStreamReader r = m.streamedBody().get().readerAtBodyContents();
            int n = 0;
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("i")) {
                    n++;
                }
            }
            return n;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
