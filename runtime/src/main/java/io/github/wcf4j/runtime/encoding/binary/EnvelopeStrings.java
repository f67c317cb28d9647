package io.github.wcf4j.runtime.encoding.binary;

/**
 * Where WCF's binary writer takes each string of an envelope from, which it decides by the {@code XmlDictionary} object
 * a string came from, never by its text ([MC-NBFS], RS {@code XmlBinaryWriter.TryGetKey}). From the text of an envelope
 * the same choice follows from position:
 * <ul>
 * <li>the envelope's structure (Envelope, Header, Body, a SOAP fault) and the WCF headers (a header element whose name
 * and namespace are static strings, and what such elements contain) are WCF infrastructure: names, namespaces and
 * dictionary-valued text (the anonymous address) are static entries;</li>
 * <li>the Action, and the To when it is not a static string, come from the operation's and the channel's own
 * dictionaries: session strings;</li>
 * <li>MessageID, RelatesTo and other {@code urn:uuid:} values are {@code UniqueId}s;</li>
 * <li>the payload (body content, custom headers) is written by serializers from user metadata: element and attribute
 * names and namespaces are session strings, text is literal.</li>
 * </ul>
 * Without a session (sessionless {@code application/soap+msbin1}) session strings are written inline.
 */
enum EnvelopeStrings {
    /** The envelope structure and WCF's own headers. */
    INFRASTRUCTURE,
    /** Everything user metadata writes. */
    PAYLOAD;

    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String WSA10 = "http://www.w3.org/2005/08/addressing";

    /** The kind of an element given its parent's kind, its parent's local name and its own name. */
    static EnvelopeStrings of(EnvelopeStrings parent, String parentName, int depth, String ns, String local) {
        if (parent == PAYLOAD) {
            return PAYLOAD;
        }
        boolean staticName = StaticDictionary.indexOf(ns) >= 0 && StaticDictionary.indexOf(local) >= 0;
        if (depth == 0 || SOAP12.equals(ns)) {
            return staticName ? INFRASTRUCTURE : PAYLOAD;
        }
        if (depth == 1 && "Body".equals(parentName)) {
            return PAYLOAD; // a body child outside the SOAP namespace (faults are in it)
        }
        return staticName ? INFRASTRUCTURE : PAYLOAD;
    }

    /** Whether text inside an infrastructure element named {@code local} comes from a session dictionary. */
    static boolean sessionText(String ns, String local) {
        return WSA10.equals(ns) && ("Action".equals(local) || "To".equals(local));
    }
}
