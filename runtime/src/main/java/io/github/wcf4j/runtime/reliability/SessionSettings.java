package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.runtime.time.Scheduler;

/**
 * What every reliable session of a factory or listener shares: the {@code <reliableSession>} settings, the WS-RM and
 * message versions, the binding's timeouts and the scheduler.
 */
record SessionSettings(ReliableSessionBindingElement rm, Wsrm wsrm, MessageVersion version, BindingTimeouts timeouts,
        Scheduler scheduler) {
}
