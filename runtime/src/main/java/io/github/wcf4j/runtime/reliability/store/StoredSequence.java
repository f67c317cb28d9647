package io.github.wcf4j.runtime.reliability.store;

import java.util.List;
import java.util.SortedMap;

/**
 * A stored sequence as its changes leave it: what a session needs to resume. Immutable (the maps are unmodifiable
 * copies; the message bytes are shared and not to be changed).
 *
 * @param opened         how the session was created
 * @param received       every input number accepted so far
 * @param pending        accepted input messages not yet delivered (one-way) or answered (request/reply), by number
 * @param replies        replies the client has not acknowledged, by request number
 * @param lastReplyNumber the highest reply number written
 * @param inputLast      the input's last number when known (February 2005's LastMessage, 1.1's CloseSequence), else 0
 * @param inputClosed    1.1: the input was closed by CloseSequence
 * @param unacknowledged sent output messages the peer has not acknowledged, by number
 * @param lastSent       the highest output number written
 */
public record StoredSequence(SequenceChange.Opened opened, List<SequenceChange.Range> received,
        SortedMap<Long, SequenceChange.Received> pending, SortedMap<Long, SequenceChange.Replied> replies,
        long lastReplyNumber, long inputLast, boolean inputClosed, SortedMap<Long, byte[]> unacknowledged,
        long lastSent) {

    /** Whether input number {@code n} was accepted. */
    public boolean receivedNumber(long n) {
        for (SequenceChange.Range r : received) {
            if (r.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
