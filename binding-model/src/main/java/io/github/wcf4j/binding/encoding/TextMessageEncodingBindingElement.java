package io.github.wcf4j.binding.encoding;

import io.github.wcf4j.binding.ArgumentChecks;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * SOAP as XML text (WCF {@code TextMessageEncodingBindingElement}, config {@code <textMessageEncoding>}).
 *
 * @param maxReadPoolSize  readers kept pooled, {@code 64}
 * @param maxWritePoolSize writers kept pooled, {@code 16}
 * @param messageVersion   {@code Soap12WSAddressing10}
 * @param writeEncoding    {@code utf-8}; only UTF-8, UTF-16LE ({@code utf-16}) and UTF-16BE are accepted
 * @param readerQuotas     {@link ReaderQuotas#defaults()}
 */
public record TextMessageEncodingBindingElement(int maxReadPoolSize, int maxWritePoolSize,
        MessageVersion messageVersion, Charset writeEncoding, ReaderQuotas readerQuotas)
        implements MessageEncodingBindingElement {

    /** {@code 64}. */
    public static final int DEFAULT_MAX_READ_POOL_SIZE = 64;
    /** {@code 16}. */
    public static final int DEFAULT_MAX_WRITE_POOL_SIZE = 16;

    public TextMessageEncodingBindingElement {
        ArgumentChecks.positive(maxReadPoolSize, "maxReadPoolSize");
        ArgumentChecks.positive(maxWritePoolSize, "maxWritePoolSize");
        ArgumentChecks.notNull(messageVersion, "messageVersion");
        TextEncodings.requireSupported(writeEncoding, "writeEncoding");
        ArgumentChecks.notNull(readerQuotas, "readerQuotas");
    }

    public static TextMessageEncodingBindingElement defaults() {
        return new TextMessageEncodingBindingElement(DEFAULT_MAX_READ_POOL_SIZE, DEFAULT_MAX_WRITE_POOL_SIZE,
                MessageVersion.DEFAULT, StandardCharsets.UTF_8, ReaderQuotas.defaults());
    }

    /** The defaults with another message version, as the standard bindings create it. */
    public static TextMessageEncodingBindingElement of(MessageVersion version, Charset writeEncoding) {
        return new TextMessageEncodingBindingElement(DEFAULT_MAX_READ_POOL_SIZE, DEFAULT_MAX_WRITE_POOL_SIZE, version,
                writeEncoding, ReaderQuotas.defaults());
    }

    public TextMessageEncodingBindingElement withMessageVersion(MessageVersion v) {
        return new TextMessageEncodingBindingElement(maxReadPoolSize, maxWritePoolSize, v, writeEncoding, readerQuotas);
    }

    public TextMessageEncodingBindingElement withWriteEncoding(Charset v) {
        return new TextMessageEncodingBindingElement(maxReadPoolSize, maxWritePoolSize, messageVersion, v, readerQuotas);
    }

    public TextMessageEncodingBindingElement withReaderQuotas(ReaderQuotas v) {
        return new TextMessageEncodingBindingElement(maxReadPoolSize, maxWritePoolSize, messageVersion, writeEncoding, v);
    }

    public TextMessageEncodingBindingElement withPoolSizes(int read, int write) {
        return new TextMessageEncodingBindingElement(read, write, messageVersion, writeEncoding, readerQuotas);
    }

    /** {@code <textMessageEncoding>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "textMessageEncoding";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }
}
