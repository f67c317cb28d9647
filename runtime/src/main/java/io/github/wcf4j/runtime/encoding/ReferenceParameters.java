package io.github.wcf4j.runtime.encoding;

/**
 * WS-Addressing 1.0 requires a reference parameter echoed as a header to carry {@code wsa:IsReferenceParameter="true"};
 * this marks a standalone reference-parameter element so.
 */
final class ReferenceParameters {
    private ReferenceParameters() {
    }

    static String markAsReferenceParameter(String element, String addressingNamespace) {
        if (element.contains(EnvelopeNames.IS_REFERENCE_PARAMETER)) {
            return element;
        }
        int nameEnd = StartTags.nameEnd(element, 0);
        return element.substring(0, nameEnd) + " xmlns:wsa_rp=\"" + addressingNamespace + "\" wsa_rp:"
                + EnvelopeNames.IS_REFERENCE_PARAMETER + "=\"true\"" + element.substring(nameEnd);
    }
}
