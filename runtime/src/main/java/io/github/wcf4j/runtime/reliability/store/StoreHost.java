package io.github.wcf4j.runtime.reliability.store;

/** Which process wrote a change ({@link SequenceChange.Received#host()}): the host name and the process id. */
public final class StoreHost {
    /** This process. */
    public static final String ID = name() + "/" + ProcessHandle.current().pid();

    private StoreHost() {
    }

    /** The host's name as the environment gives it (no name lookup: it must not wait on DNS). */
    private static String name() {
        String n = System.getenv("HOSTNAME");
        return n == null || n.isBlank() ? "localhost" : n.strip();
    }
}
