package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.StreamSecurityBindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import java.util.Optional;

/**
 * What a durable store cannot resume, refused by name when the stack is built rather than kept in memory silently:
 * a session over a security session (SecureConversation's security context, or a stream upgrade's TLS or Windows
 * session, lives in the process's memory, so the client's retransmissions after a restart could not be read), and
 * the shapes not kept yet (duplex clients without a fixed back channel address, input sessions over duplex
 * channels, request/reply clients) and sessions
 * over duplex inner sessions (net.tcp: the connection the session runs in ends with the process).
 */
final class DurableSessionRefusal {
    private DurableSessionRefusal() {
    }

    /**
     * Throws when sessions of {@code shape} over inner channels of {@code innerShape} cannot be kept in
     * {@code store}; nothing when the store is none.
     */
    static void check(SequenceStore store, Binding binding, ChannelShape shape, ChannelShape innerShape,
            boolean service) {
        if (!store.durable()) {
            return;
        }
        Optional<String> farm = shape == ChannelShape.DUPLEX_SESSION && store.shared()
                ? Optional.of("durable duplex sessions in a store shared by the hosts of a farm are not implemented"
                        + " yet: which host delivers a message and numbers an output message is decided for"
                        + " request/reply and one-way sessions only (issue 19 keeps duplex sessions in a store of"
                        + " one process: the file store).")
                : Optional.empty();
        farm.or(() -> why(binding, shape, innerShape, service)).ifPresent(why -> {
            throw new IllegalStateException("The binding '" + binding.configurationName() + "' ("
                    + binding.sectionName() + ") cannot keep its reliable sessions in the store " + store + ": "
                    + why + " Remove the reliable session store setting for this process, or use a binding whose"
                    + " sessions can resume.");
        });
    }

    static Optional<String> why(Binding binding, ChannelShape shape, ChannelShape innerShape, boolean service) {
        for (BindingElement e : binding.createBindingElements()) {
            if (e instanceof SecurityBindingElement s && s.authenticationMode() == AuthenticationMode.SecureConversation) {
                return Optional.of("its messages are secured by a SecureConversation security context, which lives in"
                        + " this process's memory only: after a restart the peer's retransmissions would carry a"
                        + " context no process knows, so the sequence could not resume.");
            }
            if (e instanceof StreamSecurityBindingElement) {
                return Optional.of("its connection is secured by a stream upgrade (TLS or Windows) whose session lives"
                        + " in this process's memory only, so the sequence could not resume.");
            }
        }
        if (shape == ChannelShape.REQUEST_SESSION) {
            return Optional.of("durable request/reply clients (IRequestSessionChannel) are not implemented: a"
                    + " request's caller, waiting for its reply, does not outlive its process (issue 19, phase 1"
                    + " keeps a client's one-way sends, IOutputSessionChannel over HTTP).");
        }
        if (shape == ChannelShape.DUPLEX_SESSION && !service && innerShape == ChannelShape.DUPLEX
                && binding.createBindingElements().stream().noneMatch(e -> e instanceof CompositeDuplexBindingElement c
                        && c.clientBaseAddress().isPresent())) {
            return Optional.of("durable duplex clients (IDuplexSessionChannel on the client) need compositeDuplex's"
                    + " clientBaseAddress: without one the back channel listens at a temporary address chosen anew by"
                    + " each process, so after a restart the service's messages on the offered sequence would go"
                    + " where nobody listens (issue 19 keeps a duplex client whose back channel has a fixed base"
                    + " address).");
        }
        if (innerShape == ChannelShape.DUPLEX_SESSION) {
            return Optional.of("its " + shape.wcfName() + " sessions run over " + innerShape.wcfName() + " channels"
                    + " (net.tcp, named pipes): the connection a session runs in ends with its process, and the"
                    + " peer's session with it, so the sequence could not resume (issue 19 keeps sessions over HTTP:"
                    + " request/reply, and duplex over compositeDuplex).");
        }
        boolean overRequestReply = (shape == ChannelShape.REPLY_SESSION || shape == ChannelShape.INPUT_SESSION
                || shape == ChannelShape.OUTPUT_SESSION) && innerShape.isRequestReply();
        boolean duplexOverDatagram = shape == ChannelShape.DUPLEX_SESSION && innerShape == ChannelShape.DUPLEX;
        if (!overRequestReply && !duplexOverDatagram) {
            return Optional.of("durable " + shape.wcfName() + " sessions over " + innerShape.wcfName() + " channels"
                    + " are not implemented yet (issue 19 keeps sessions over HTTP request/reply:"
                    + " IReplySessionChannel and IInputSessionChannel over IReplyChannel on the service,"
                    + " IOutputSessionChannel over IRequestChannel on the client; and the service's"
                    + " IDuplexSessionChannel over IDuplexChannel, compositeDuplex).");
        }
        return Optional.empty();
    }
}
