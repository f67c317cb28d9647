package io.github.wcf4j.runtime.service;

import jakarta.jws.Oneway;

/** The chat's callback contract: a plain interface, one-way and request/reply. */
public interface ChatCallback {
    @Oneway
    void receive(String from, String text);

    int answer(String question);
}
