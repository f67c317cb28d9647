package io.github.wcf4j.binding.address;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * One address header of an endpoint ({@code <endpoint><headers>}'s children, WCF {@code AddressHeader}): a SOAP header
 * that a client sends on every message to the endpoint and that a service requires to dispatch to it.
 *
 * <pre>{@code
 * <headers><ns:Tenant xmlns:ns="urn:tenants">blue</ns:Tenant></headers>
 *   -> AddressHeader("Tenant", "urn:tenants", "<ns:Tenant xmlns:ns=\"urn:tenants\">blue</ns:Tenant>")
 * }</pre>
 *
 * @param name      the element's local name
 * @param namespace the element's namespace URI ({@code ""} for none)
 * @param xml       the element as written, attributes and content included, with every namespace declaration in scope
 *                  where it stood (within its configuration section, as WCF reads it) made explicit on the element
 *                  itself, so that it can be written verbatim as a header
 */
public record AddressHeader(String name, String namespace, String xml) {

    public AddressHeader {
        ArgumentChecks.notNull(name, "name");
        ArgumentChecks.notNull(namespace, "namespace");
        ArgumentChecks.notNull(xml, "xml");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an address header needs a name");
        }
    }
}
