package io.github.wcf4j.runtime.message;

import io.github.wcf4j.runtime.channel.EndpointAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * The headers of a message (WCF {@code MessageHeaders}): WS-Addressing's as typed fields, every other header in order,
 * and which headers a layer has understood, so that the dispatcher can raise WCF's MustUnderstand fault for the rest.
 *
 * <p>Not thread-safe: a message belongs to one layer at a time.
 */
public final class MessageHeaders {
    private String action;
    private EndpointAddress to;
    private String messageId;
    private String relatesTo;
    private EndpointAddress replyTo;
    private EndpointAddress faultTo;
    private EndpointAddress from;
    private final List<MessageHeader> others = new ArrayList<>(4);
    private final List<MessageHeader> leading = new ArrayList<>(2);
    private final Set<QName> understood = new HashSet<>(4);

    public String action() {
        return action;
    }

    public MessageHeaders action(String v) {
        this.action = v;
        return this;
    }

    public EndpointAddress to() {
        return to;
    }

    public MessageHeaders to(EndpointAddress v) {
        this.to = v;
        return this;
    }

    public String messageId() {
        return messageId;
    }

    public MessageHeaders messageId(String v) {
        this.messageId = v;
        return this;
    }

    public String relatesTo() {
        return relatesTo;
    }

    public MessageHeaders relatesTo(String v) {
        this.relatesTo = v;
        return this;
    }

    public EndpointAddress replyTo() {
        return replyTo;
    }

    public MessageHeaders replyTo(EndpointAddress v) {
        this.replyTo = v;
        return this;
    }

    public EndpointAddress faultTo() {
        return faultTo;
    }

    public MessageHeaders faultTo(EndpointAddress v) {
        this.faultTo = v;
        return this;
    }

    public EndpointAddress from() {
        return from;
    }

    public MessageHeaders from(EndpointAddress v) {
        this.from = v;
        return this;
    }

    /** Every non-addressing header written after the addressing headers, in order. */
    public List<MessageHeader> others() {
        return others;
    }

    /** Headers written before the addressing headers, in order. */
    public List<MessageHeader> leading() {
        return leading;
    }

    /** Adds a header: before the addressing headers when it {@link MessageHeader#leads() leads}, else after. */
    public MessageHeaders add(MessageHeader h) {
        if (h.leads()) {
            leading.add(h);
        } else {
            others.add(h);
        }
        return this;
    }

    /** Inserts a leading header first (WCF inserts each WS-RM header at index 0). */
    public MessageHeaders addFirst(MessageHeader h) {
        leading.add(0, h);
        return this;
    }

    private List<MessageHeader> all() {
        if (leading.isEmpty()) {
            return others;
        }
        List<MessageHeader> all = new ArrayList<>(leading.size() + others.size());
        all.addAll(leading);
        all.addAll(others);
        return all;
    }

    /** The first header named {@code name}. */
    public Optional<MessageHeader> find(QName name) {
        for (MessageHeader h : all()) {
            if (h.name().equals(name)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /** How many headers are named {@code name} (WCF faults duplicated protocol headers). */
    public int count(QName name) {
        int n = 0;
        for (MessageHeader h : all()) {
            if (h.name().equals(name)) {
                n++;
            }
        }
        return n;
    }

    /** The first header of a layer-specific type. */
    public <T extends MessageHeader> Optional<T> find(Class<T> type) {
        for (MessageHeader h : all()) {
            if (type.isInstance(h)) {
                return Optional.of(type.cast(h));
            }
        }
        return Optional.empty();
    }

    /** Removes every header named {@code name}. */
    public void remove(QName name) {
        others.removeIf(h -> h.name().equals(name));
        leading.removeIf(h -> h.name().equals(name));
    }

    /** Marks {@code name} as processed by a layer. */
    public void understood(QName name) {
        understood.add(name);
    }

    /** The {@code mustUnderstand} headers no layer understood. */
    public List<QName> notUnderstood() {
        List<QName> out = new ArrayList<>();
        for (MessageHeader h : all()) {
            if (h.mustUnderstand() && !understood.contains(h.name())) {
                out.add(h.name());
            }
        }
        return out;
    }

    MessageHeaders copy() {
        MessageHeaders c = new MessageHeaders();
        c.action = action;
        c.to = to;
        c.messageId = messageId;
        c.relatesTo = relatesTo;
        c.replyTo = replyTo;
        c.faultTo = faultTo;
        c.from = from;
        c.others.addAll(others);
        c.leading.addAll(leading);
        c.understood.addAll(understood);
        return c;
    }
}
