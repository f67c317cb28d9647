package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.runtime.message.BufferedHeader;
import io.github.wcf4j.runtime.message.MessageHeader;
import io.github.wcf4j.runtime.message.MessageHeaders;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * The address-header half of WCF's default address filter ({@code EndpointAddressMessageFilter} with its
 * {@code EndpointAddressProcessor}): a service endpoint with {@code <headers>} accepts a message only when every one of
 * them arrives as a header of the message, each matched by a header of its own. Headers are compared in their
 * comparable form ({@link HeaderComparableForm}: names, namespaces, attributes in any order, text and structure; not
 * prefixes, namespace declarations, {@code wsa:IsReferenceParameter} or {@code wsu:Id}). Under WS-Addressing 1.0 only
 * headers marked {@code wsa:IsReferenceParameter="true"} count, as WCF's client marks them; under WS-Addressing
 * August 2004 (which has no such mark) every header of the right name counts. Immutable; thread-safe.
 */
final class AddressFilter {
    static final AddressFilter NONE = new AddressFilter(Map.of(), Set.of());

    private final Map<String, Integer> required;
    private final Set<QName> names;

    private AddressFilter(Map<String, Integer> required, Set<QName> names) {
        this.required = required;
        this.names = names;
    }

    /** The filter of an endpoint with {@code headers} ({@link #NONE} for none). */
    static AddressFilter of(List<AddressHeader> headers) {
        if (headers.isEmpty()) {
            return NONE;
        }
        Map<String, Integer> required = new HashMap<>();
        Set<QName> names = new HashSet<>();
        for (AddressHeader h : headers) {
            required.merge(HeaderComparableForm.of(h.xml()), 1, Integer::sum);
            names.add(new QName(h.namespace(), h.name()));
        }
        return new AddressFilter(Map.copyOf(required), Set.copyOf(names));
    }

    /** Whether a message with {@code headers}, of {@code addressing}, carries every address header. */
    boolean matches(MessageHeaders headers, AddressingVersion addressing) {
        if (required.isEmpty()) {
            return true;
        }
        Map<String, Integer> found = new HashMap<>();
        for (MessageHeader h : headers.others()) {
            if (!(h instanceof BufferedHeader received) || !names.contains(h.name())) {
                continue;
            }
            String xml = received.xml().xml();
            if (addressing == AddressingVersion.WS_ADDRESSING_10
                    && !HeaderComparableForm.isReferenceParameter(xml, addressing.namespace())) {
                continue;
            }
            String key = HeaderComparableForm.of(xml);
            Integer wanted = required.get(key);
            if (wanted != null) {
                found.merge(key, 1, (a, b) -> Math.min(wanted, a + b));
            }
        }
        return found.equals(required);
    }
}
