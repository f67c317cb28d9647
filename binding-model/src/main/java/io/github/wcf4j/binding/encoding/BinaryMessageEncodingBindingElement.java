package io.github.wcf4j.binding.encoding;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * WCF's binary XML ({@code application/soap+msbin1}; WCF {@code BinaryMessageEncodingBindingElement}, config
 * {@code <binaryMessageEncoding>}). The runtime runs it over {@code tcpTransport}, without compression.
 *
 * @param maxReadPoolSize   {@code 64}
 * @param maxWritePoolSize  {@code 16}
 * @param maxSessionSize    {@code 2048}
 * @param compressionFormat {@code None}, {@code GZip} or {@code Deflate}
 * @param readerQuotas      {@link ReaderQuotas#defaults()}
 */
public record BinaryMessageEncodingBindingElement(int maxReadPoolSize, int maxWritePoolSize, int maxSessionSize,
        String compressionFormat, ReaderQuotas readerQuotas) implements MessageEncodingBindingElement {

    public BinaryMessageEncodingBindingElement {
        ArgumentChecks.positive(maxReadPoolSize, "maxReadPoolSize");
        ArgumentChecks.positive(maxWritePoolSize, "maxWritePoolSize");
        ArgumentChecks.nonNegative(maxSessionSize, "maxSessionSize");
        ArgumentChecks.notNull(compressionFormat, "compressionFormat");
        ArgumentChecks.notNull(readerQuotas, "readerQuotas");
    }

    public static BinaryMessageEncodingBindingElement defaults() {
        return new BinaryMessageEncodingBindingElement(64, 16, 2048, "None", ReaderQuotas.defaults());
    }

    /** Always {@code Soap12WSAddressing10}: the binary encoder supports only SOAP 1.2. */
    @Override
    public MessageVersion messageVersion() {
        return MessageVersion.SOAP12_WS_ADDRESSING10;
    }

    /** {@code <binaryMessageEncoding>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "binaryMessageEncoding";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }
}
