package io.github.wcf4j.runtime.service;

import io.github.wcf4j.runtime.contract.ServiceBehavior;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat room, one object for every session (hosted as a singleton): members are kept by name with their callback
 * channels, as WCF chat samples keep them, and used after the operations that stored them returned.
 */
@ServiceBehavior(includeExceptionDetailInFaults = true)
public class ChatService implements Chat {
    private final Map<String, ChatCallback> members = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> left = new ConcurrentHashMap<>();

    @Override
    public void join(String name) {
        ChatCallback caller = OperationContext.current().callbackChannel(ChatCallback.class);
        members.put(name, caller);
        left.put(name, OperationContext.current().channelClosed());
        caller.receive("host", "welcome " + name);
    }

    @Override
    public void say(String text) {
        members.values().forEach(m -> m.receive("room", text));
    }

    @Override
    public String echo(String text) {
        OperationContext.current().callbackChannel(ChatCallback.class).receive("echo", text);
        return text;
    }

    @Override
    public String askMeNow(String question) {
        try {
            return "answered " + OperationContext.current().callbackChannel(ChatCallback.class).answer(question);
        } catch (IllegalStateException refused) {
            return refused.getMessage();
        }
    }

    /** The callback channel {@code name} joined with. */
    ChatCallback member(String name) {
        return members.get(name);
    }

    /** Completes when {@code name}'s channel ended. */
    CompletableFuture<Void> left(String name) {
        return left.get(name);
    }
}
