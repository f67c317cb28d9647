package io.github.wcf4j.binding.encoding;

import java.util.Arrays;
import java.util.Optional;

/**
 * An envelope version paired with an addressing version (WCF {@code MessageVersion}); the configuration literals are
 * those of WCF's {@code MessageVersionConverter}.
 */
public enum MessageVersion {
    SOAP11_WS_ADDRESSING10("Soap11WSAddressing10", EnvelopeVersion.SOAP11, AddressingVersion.WS_ADDRESSING_10),
    SOAP12_WS_ADDRESSING10("Soap12WSAddressing10", EnvelopeVersion.SOAP12, AddressingVersion.WS_ADDRESSING_10),
    SOAP11_WS_ADDRESSING_AUGUST2004("Soap11WSAddressingAugust2004", EnvelopeVersion.SOAP11,
            AddressingVersion.WS_ADDRESSING_AUGUST_2004),
    SOAP12_WS_ADDRESSING_AUGUST2004("Soap12WSAddressingAugust2004", EnvelopeVersion.SOAP12,
            AddressingVersion.WS_ADDRESSING_AUGUST_2004),
    SOAP11("Soap11", EnvelopeVersion.SOAP11, AddressingVersion.NONE),
    SOAP12("Soap12", EnvelopeVersion.SOAP12, AddressingVersion.NONE),
    NONE("None", EnvelopeVersion.NONE, AddressingVersion.NONE);

    /** {@code MessageVersion.Default}: {@link #SOAP12_WS_ADDRESSING10}. */
    public static final MessageVersion DEFAULT = SOAP12_WS_ADDRESSING10;

    private final String wcfName;
    private final EnvelopeVersion envelope;
    private final AddressingVersion addressing;

    MessageVersion(String wcfName, EnvelopeVersion envelope, AddressingVersion addressing) {
        this.wcfName = wcfName;
        this.envelope = envelope;
        this.addressing = addressing;
    }

    /** The configuration literal, e.g. {@code Soap12WSAddressing10}. */
    public String wcfName() {
        return wcfName;
    }

    public EnvelopeVersion envelope() {
        return envelope;
    }

    public AddressingVersion addressing() {
        return addressing;
    }

    /** The version for a configuration literal (exact, case-sensitive; {@code Default} included). */
    public static Optional<MessageVersion> forWcfName(String name) {
        if ("Default".equals(name)) {
            return Optional.of(DEFAULT);
        }
        return Arrays.stream(values()).filter(v -> v.wcfName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wcfName;
    }
}
