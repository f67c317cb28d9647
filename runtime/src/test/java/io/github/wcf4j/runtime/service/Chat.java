package io.github.wcf4j.runtime.service;

import io.github.wcf4j.runtime.contract.ServiceContract;
import jakarta.jws.Oneway;
import jakarta.jws.WebService;

/** A duplex contract: a chat whose service calls its members back, one-way and request/reply. */
@WebService(name = "IChat", targetNamespace = "http://example.org/chat")
@ServiceContract(configurationName = "Example.IChat", callbackContract = ChatCallback.class)
public interface Chat {
    /** Joins under {@code name}: the service keeps the caller's callback channel and welcomes the caller through it. */
    @Oneway
    void join(String name);

    /** Sends {@code text} to every member, the caller too, through their callback channels. */
    @Oneway
    void say(String text);

    /** Calls the caller back one-way during the operation, then answers. */
    String echo(String text);

    /**
     * Asks the caller a question (request/reply) during the operation, which WCF refuses: answers with the refusal's
     * text.
     */
    String askMeNow(String question);
}
