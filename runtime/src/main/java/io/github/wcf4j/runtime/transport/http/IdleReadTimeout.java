package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.runtime.time.Scheduler;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long a streamed body may go without a byte while its connection is being read (WCF bounds each read of a
 * streamed response by the call's timeout, {@code HttpWebRequest.ReadWriteTimeout}): past it the body fails with
 * {@code failure} and the connection is closed. Time is the {@code scheduler}'s (virtual in tests). While the reader is
 * behind and the connection paused, the bound does not run: only a silent sender is cut off.
 *
 * @param scheduler the stack's scheduler
 * @param timeout   the longest silence
 * @param failure   what the reader then fails with
 */
public record IdleReadTimeout(Scheduler scheduler, Duration timeout, Supplier<RuntimeException> failure) {
}
