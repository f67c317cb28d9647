package io.github.wcf4j.runtime.transport.inmemory;

/** Which way a message crosses the in-memory wire. */
public enum Direction {
    /** From the client (the channel factory's side) to the service. */
    CLIENT_TO_SERVICE,
    /** From the service back to the client. */
    SERVICE_TO_CLIENT
}
