package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.reliability.store.StoredSequence;
import io.github.wcf4j.runtime.channel.EndpointAddress;

/**
 * What a listener hands the service channel of a session that a CreateSequence opened.
 *
 * @param settings   the listener's session settings
 * @param created    the sequence the listener created: the session's input
 * @param offered    the client's offered sequence, the session's output; null for a one-way session
 * @param local      the endpoint the CreateSequence was sent to
 * @param unregister removes the session from the listener's registry; the channel runs it when the session ends
 * @param resumed    the stored sequence a session resumes (after its process restarted), {@code null} for a new one
 */
record AcceptedSession(SessionSettings settings, String created, String offered, EndpointAddress local,
        Runnable unregister, StoredSequence resumed) {

    AcceptedSession(SessionSettings settings, String created, String offered, EndpointAddress local,
            Runnable unregister) {
        this(settings, created, offered, local, unregister, null);
    }
}
