package io.github.wcf4j.binding.stack;

import static io.github.wcf4j.binding.stack.ChannelShape.DUPLEX;
import static io.github.wcf4j.binding.stack.ChannelShape.DUPLEX_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.OUTPUT;
import static io.github.wcf4j.binding.stack.ChannelShape.OUTPUT_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.REQUEST;
import static io.github.wcf4j.binding.stack.ChannelShape.REQUEST_SESSION;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a service contract needs from a channel stack: which kinds of operations it has and its session mode
 * (WCF {@code ChannelRequirements.ComputeContractRequirements}).
 *
 * @param name          the contract name, for messages
 * @param usesOneWay    the contract has one-way operations (WCF {@code usesInput})
 * @param usesTwoWay    the contract has request/reply operations ({@code usesReply})
 * @param usesCallbacks the contract has a callback contract ({@code usesOutput}/{@code usesRequest})
 * @param sessionMode   {@code Allowed} by default
 */
public record ContractShape(String name, boolean usesOneWay, boolean usesTwoWay, boolean usesCallbacks,
        SessionMode sessionMode) {

    public ContractShape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sessionMode, "sessionMode");
    }

    /** The client channel types the contract accepts, in WCF's order ({@code ComputeRequiredChannels}). */
    public List<ChannelShape> requiredClientShapes() {
        if (usesCallbacks) {
            return pick(List.of(DUPLEX, DUPLEX_SESSION), List.of(DUPLEX_SESSION), List.of(DUPLEX));
        }
        if (usesTwoWay) {
            // two-way only, or one-way and two-way: the same lists
            return pick(List.of(REQUEST, REQUEST_SESSION, DUPLEX, DUPLEX_SESSION),
                    List.of(REQUEST_SESSION, DUPLEX_SESSION), List.of(REQUEST, DUPLEX));
        }
        if (usesOneWay) {
            return pick(List.of(OUTPUT, OUTPUT_SESSION, REQUEST, REQUEST_SESSION, DUPLEX, DUPLEX_SESSION),
                    List.of(OUTPUT_SESSION, REQUEST_SESSION, DUPLEX_SESSION), List.of(OUTPUT, REQUEST, DUPLEX));
        }
        return pick(List.of(OUTPUT_SESSION, OUTPUT, REQUEST_SESSION, REQUEST, DUPLEX, DUPLEX_SESSION),
                List.of(OUTPUT_SESSION, REQUEST_SESSION, DUPLEX_SESSION), List.of(OUTPUT, REQUEST, DUPLEX));
    }

    /** The service listener types, in the order WCF's dispatcher tries them ({@code DispatcherBuilder}). */
    public List<ChannelShape> requiredServiceShapes() {
        List<ChannelShape> server = new ArrayList<>();
        for (ChannelShape s : requiredClientShapes()) {
            server.add(s.counterpart());
        }
        List<ChannelShape> ordered = new ArrayList<>();
        for (ChannelShape s : List.of(ChannelShape.INPUT, ChannelShape.INPUT_SESSION, ChannelShape.REPLY,
                ChannelShape.REPLY_SESSION, DUPLEX, DUPLEX_SESSION)) {
            if (server.contains(s)) {
                ordered.add(s);
            }
        }
        return ordered;
    }

    private List<ChannelShape> pick(List<ChannelShape> allowed, List<ChannelShape> required,
            List<ChannelShape> notAllowed) {
        switch (sessionMode) {
            case Required: return required;
            case NotAllowed: return notAllowed;
            default: return allowed;
        }
    }
}
