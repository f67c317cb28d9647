package io.github.wcf4j.runtime.service;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client's callback instance: records what the service sent, answers questions with their length. */
public class ChatMember implements ChatCallback {
    /** How long a test waits for a callback before it fails (never reached when things work). */
    static final long PATIENCE_SECONDS = 20;

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @Override
    public void receive(String from, String text) {
        received.add(from + ": " + text);
    }

    @Override
    public int answer(String question) {
        received.add("asked: " + question);
        return question.length();
    }

    /** The next callback, waiting for it to arrive. */
    String next() throws InterruptedException {
        String s = received.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no callback arrived within " + PATIENCE_SECONDS + " s");
        }
        return s;
    }
}
