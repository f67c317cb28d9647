package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.Session;
import io.github.wcf4j.runtime.message.Message;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A {@link SecuredDuplexChannel} over a duplex session channel (WCF's {@code SecurityDuplexSessionChannel} of a
 * security element without secure conversation): each message is secured and verified one by one as over duplex
 * channels; the session is the inner channel's (a transport session such as net.tcp's), security adds none.
 */
final class SecuredDuplexSessionChannel extends SecuredDuplexChannel implements DuplexSessionChannel {

    SecuredDuplexSessionChannel(DuplexSessionChannel inner, Consumer<Message> secure, UnaryOperator<Message> verify,
            Executor verifier) {
        super(inner, secure, verify, verifier);
    }

    @Override
    public Session session() {
        return ((DuplexSessionChannel) inner).session();
    }
}
