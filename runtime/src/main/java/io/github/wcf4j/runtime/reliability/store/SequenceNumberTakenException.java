package io.github.wcf4j.runtime.reliability.store;

/**
 * A {@link SequenceChange.Received} of a number that another host of a farm had already written (the first write of
 * a number wins: its host delivers it), or the {@link SequenceChange.Replied} of such a number: the write fails with
 * this rather than let two hosts deliver one message. The session that wrote it neither invokes, acknowledges nor
 * answers that number: it answers as for a duplicate not yet answered ({@code ReplyReliableSession}).
 */
public final class SequenceNumberTakenException extends IllegalStateException {
    private final String key;
    private final long number;
    private final String holder;

    public SequenceNumberTakenException(String key, long number, String holder) {
        super("Message " + number + " of reliable session " + key + " was accepted by another host (" + holder
                + "), which delivers it; this host does not.");
        this.key = key;
        this.number = number;
        this.holder = holder;
    }

    public String key() {
        return key;
    }

    public long number() {
        return number;
    }

    /** The host that accepted the number ({@link SequenceChange.Received#host()}). */
    public String holder() {
        return holder;
    }
}
