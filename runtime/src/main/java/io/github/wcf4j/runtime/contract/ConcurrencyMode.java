package io.github.wcf4j.runtime.contract;

/**
 * Whether calls to one service object (or callback object) may overlap (WCF {@code ConcurrencyMode}).
 *
 * <ul>
 *   <li>{@link #Single}: one call at a time, in the order the calls arrived; a request/reply call on the channel the
 *       running operation answers is refused (it would deadlock: its reply could only be received once the
 *       operation returned).</li>
 *   <li>{@link #Reentrant}: one call at a time, but the object is unlocked while its operation waits on an outgoing
 *       call (a callback or a call to another service), so a nested call, e.g. the callback calling back in, runs
 *       meanwhile; the operation continues once that call is done, before any new call.</li>
 *   <li>{@link #Multiple}: calls run concurrently; the object synchronizes itself. A session's calls no longer wait for
 *       each other either.</li>
 * </ul>
 */
public enum ConcurrencyMode {
    Single,
    Reentrant,
    Multiple
}
