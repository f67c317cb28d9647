package io.github.wcf4j.runtime.channel;

/** The lifecycle of every channel, factory and listener (WCF {@code CommunicationState}). */
public enum CommunicationState {
    Created, Opening, Opened, Closing, Closed, Faulted
}
