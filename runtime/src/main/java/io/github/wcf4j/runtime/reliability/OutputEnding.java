package io.github.wcf4j.runtime.reliability;

import java.util.concurrent.CompletableFuture;

/**
 * The steps that end the sequence a session sends, which its {@link Wsrm} version takes in its own order
 * ({@link Wsrm#endOutput}): February 2005 sends LastMessage, waits for every acknowledgement and terminates the
 * sequence; 1.1 marks the last message sent, waits for every acknowledgement, closes the sequence and terminates it.
 * A session implements how each step travels over its channel. Each future completes when the step is done; a failed
 * one fails the close.
 */
interface OutputEnding {
    /** February 2005: sends the empty-bodied LastMessage, numbered after every message sent, through the window. */
    CompletableFuture<?> sendLastMessage();

    /** 1.1: no more messages; the last one sent is the last of the sequence. */
    void markLastSent();

    /** Waits until every message up to the last is acknowledged. */
    CompletableFuture<?> allAcknowledged();

    /** 1.1: CloseSequence, its response checked for the final acknowledgement. */
    CompletableFuture<?> closeSequence();

    /** TerminateSequence (a response follows it in 1.1 only). */
    CompletableFuture<?> terminateSequence();
}
