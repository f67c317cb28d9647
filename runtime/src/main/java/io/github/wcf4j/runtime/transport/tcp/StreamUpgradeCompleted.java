package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import java.util.Objects;

/**
 * The user event a {@link StreamUpgrade}'s handlers fire when its handshake completed: from then on they carry the
 * framing records.
 *
 * @param caller at the service, who the client proved to be (anonymous when it proved nothing); at the client,
 *               anonymous
 */
record StreamUpgradeCompleted(ServiceSecurityContext caller) {
    StreamUpgradeCompleted {
        Objects.requireNonNull(caller, "caller");
    }
}
