package io.github.wcf4j.runtime.metro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.runtime.client.PayloadTransport;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.InstanceContextMode;
import io.github.wcf4j.runtime.contract.ServiceContract;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.service.Chat;
import io.github.wcf4j.runtime.service.ChatCallback;
import io.github.wcf4j.runtime.service.InvocationResult;
import jakarta.jws.Oneway;
import jakarta.jws.WebService;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Metro hosts and proxies a callback contract, a plain interface without annotations, with its service contract's
 * names on the wire (WCF puts callback operations in the service contract's description).
 */
class CallbackContractMetroTest {
    private static final String NS = "http://example.org/chat";
    private final ContractDescription callback = ContractDescription.of(Chat.class).callback().orElseThrow();

    /** A callback instance as a client supplies it: here an anonymous class. */
    private final ChatCallback instance = new ChatCallback() {
        @Override
        public void receive(String from, String text) {
        }

        @Override
        public int answer(String question) {
            return question.length();
        }
    };

    @Test
    void aClientHostsItsCallbackInstanceAndAnswersRequestReplyCallbacks() {
        MetroOperationInvoker invoker = MetroOperationInvoker.create(instance.getClass(), callback, () -> instance,
                InstanceContextMode.Single, false);
        try {
            InvocationResult r = invoker.invoke(callback.operations().get(1),
                    new XmlFragment("<Answer xmlns=\"" + NS + "\"><question>abc</question></Answer>"), null);
            assertEquals(NS + "/IChat/AnswerResponse", r.action());
            assertEquals("<AnswerResponse xmlns=\"" + NS + "\"><AnswerResult>3</AnswerResult></AnswerResponse>",
                    r.body().orElseThrow().xml());
        } finally {
            invoker.close();
        }
    }

    @Test
    void aServiceCallsTheCallbackContractThroughAProxy() {
        List<String> sent = new ArrayList<>();
        ChatCallback proxy = (ChatCallback) MetroProxyFactory.of(callback).create(new PayloadTransport() {
            @Override
            public Message call(String action, XmlFragment body, boolean oneWay) {
                sent.add(action + " " + body.xml() + (oneWay ? " one-way" : ""));
                return null;
            }
        }, URI.create("urn:caller"));
        proxy.receive("ann", "hello");
        assertEquals(List.of(NS + "/IChat/Receive <Receive xmlns=\"" + NS + "\"><from>ann</from><text>hello</text>"
                + "</Receive> one-way"), sent);
    }

    /** A callback contract of one operation. */
    public interface Listener {
        @Oneway
        void notify(String text);
    }

    @WebService(name = "INotifier", targetNamespace = NS)
    @ServiceContract(callbackContract = Listener.class)
    public interface Notifier {
        void subscribe();
    }

    @Test
    void aLambdaIsACallbackInstance() {
        List<String> got = new ArrayList<>();
        Listener lambda = got::add;
        ContractDescription listener = ContractDescription.of(Notifier.class).callback().orElseThrow();
        MetroOperationInvoker invoker = MetroOperationInvoker.create(lambda.getClass(), listener, () -> lambda,
                InstanceContextMode.Single, false);
        try {
            InvocationResult r = invoker.invoke(listener.operations().get(0),
                    new XmlFragment("<Notify xmlns=\"" + NS + "\"><text>hi</text></Notify>"), null);
            assertTrue(r.isNone());
            assertEquals(List.of("hi"), got);
        } finally {
            invoker.close();
        }
    }
}
