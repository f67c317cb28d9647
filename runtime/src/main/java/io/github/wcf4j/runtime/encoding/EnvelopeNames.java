package io.github.wcf4j.runtime.encoding;

/** Local names and WCF's prefixes in SOAP envelopes and WS-Addressing headers. */
final class EnvelopeNames {
    static final String ENVELOPE_PREFIX = "s";
    static final String ADDRESSING_PREFIX = "a";
    static final String ENVELOPE = "Envelope";
    static final String HEADER = "Header";
    static final String BODY = "Body";
    static final String FAULT = "Fault";
    static final String MUST_UNDERSTAND = "mustUnderstand";
    static final String ACTION = "Action";
    static final String TO = "To";
    static final String MESSAGE_ID = "MessageID";
    static final String RELATES_TO = "RelatesTo";
    static final String REPLY_TO = "ReplyTo";
    static final String FAULT_TO = "FaultTo";
    static final String FROM = "From";
    static final String ADDRESS = "Address";
    static final String REFERENCE_PARAMETERS = "ReferenceParameters";
    static final String REFERENCE_PROPERTIES = "ReferenceProperties";
    static final String IS_REFERENCE_PARAMETER = "IsReferenceParameter";
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private EnvelopeNames() {
    }
}
