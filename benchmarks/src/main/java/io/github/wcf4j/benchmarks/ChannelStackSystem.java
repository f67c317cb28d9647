package io.github.wcf4j.benchmarks;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.Load;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * wcf4j's channel stack alone, without the service model, as a benchmarked system: the benchmark calculator's binding
 * (from the same configuration file as {@link Wcf4jSystem}) built by {@link ChannelStackBuilder} at both ends, the
 * client sending the {@code Add} request body as a message and the service answering every request with the
 * {@code AddResponse} body. The same envelopes cross the same HTTP as in the full system, so the difference between
 * the two is what the service model (Metro's proxy, JAXB and dispatch at both ends) costs per call.
 * <pre>
 * bench --config rm10|none --sessions N [--warmup-ms N] [--window-ms N] [--rounds N]
 * </pre>
 */
public final class ChannelStackSystem {
    private static final Duration T = Duration.ofMinutes(10);
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private static final String ADD = NS + "/ICalculator/Add";
    private static final String ADD_RESPONSE = NS + "/ICalculator/AddResponse";
    private static final String ADD_BODY = "<Add xmlns=\"" + NS + "\"><n1>100</n1><n2>15.99</n2></Add>";
    private static final String ADD_RESPONSE_BODY = "<AddResponse xmlns=\"" + NS
            + "\"><AddResult>115.99</AddResult></AddResponse>";

    private ChannelStackSystem() {
    }

    public static void main(String[] args) {
        System.exit(Cli.main(args, Set.of(), (cli, out) -> {
            run(cli, out);
            return 0;
        }));
    }

    private static void run(Cli cli, PrintStream out) throws Exception {
        Binding binding = Wcf4jSystem.config(cli.get("config", "rm10")).service(Wcf4jSystem.SERVICE).orElseThrow()
                .endpoints().get(0).binding();
        boolean reliable = !cli.get("config", "rm10").equals("none");
        MessageVersion version = MessageVersion.SOAP12_WS_ADDRESSING10;
        ChannelStackBuilder builder = ChannelStackBuilder.standard();
        try (SystemScheduler scheduler = new SystemScheduler()) {
            BindingParameters params = new BindingParameters().put(Scheduler.class, scheduler);
            ChannelType<? extends ReplyChannel> serviceType = reliable ? ChannelType.REPLY_SESSION : ChannelType.REPLY;
            ChannelListener<? extends ReplyChannel> listener = builder.buildListener(binding, serviceType,
                    params.copy().put(ListenAddress.class,
                            ListenAddress.explicit(URI.create("http://127.0.0.1:0/calc"))));
            Futures.join(listener.open(T));
            ReceivePump.run(() -> listener.acceptChannel(T), channel -> channel.open(T).thenRun(() ->
                    ReceivePump.run(() -> channel.receiveRequest(T), ChannelStackSystem::answer, e -> { })),
                    e -> { });
            out.println("READY " + listener.uri());
            out.flush();
            String target = Load.awaitGo();
            Load.Plan plan = Load.Plan.of(cli);
            ChannelType<? extends RequestChannel> clientType =
                    reliable ? ChannelType.REQUEST_SESSION : ChannelType.REQUEST;
            ChannelFactory<? extends RequestChannel> factory = builder.buildFactory(binding, clientType, params);
            Futures.join(factory.open(T));
            List<Load.Call> clients = new ArrayList<>();
            for (int i = 0; i < plan.sessions(); i++) {
                RequestChannel channel = factory.createChannel(EndpointAddress.of(URI.create(target)));
                Futures.join(channel.open(T));
                clients.add(() -> {
                    Message request = Message.create(version, ADD, new XmlFragment(ADD_BODY));
                    request.headers().messageId("urn:uuid:" + UUID.randomUUID()).replyTo(EndpointAddress.ANONYMOUS);
                    Message reply = Futures.join(channel.request(request, T));
                    if (reply == null || reply.isFault()) {
                        throw new IllegalStateException("Add was not answered: " + reply);
                    }
                });
            }
            Load.run(plan, clients, out);
            factory.abort();
            listener.abort();
        }
    }

    private static void answer(RequestContext context) {
        Message request = context.requestMessage();
        Message reply = Message.create(request.version(), ADD_RESPONSE, new XmlFragment(ADD_RESPONSE_BODY));
        reply.headers().relatesTo(request.headers().messageId());
        context.reply(reply, T);
    }
}
