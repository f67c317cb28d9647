package io.github.wcf4j.binding.encoding;

import io.github.wcf4j.binding.ArgumentChecks;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * SOAP with MTOM/XOP attachments (WCF {@code MtomMessageEncodingBindingElement}, config {@code <mtomMessageEncoding>},
 * and {@code messageEncoding="Mtom"} on standard bindings). Modelled for validation and description; not implemented by
 * wcf4j's runtime.
 */
public record MtomMessageEncodingBindingElement(int maxReadPoolSize, int maxWritePoolSize, MessageVersion messageVersion,
        Charset writeEncoding, int maxBufferSize, ReaderQuotas readerQuotas) implements MessageEncodingBindingElement {

    public MtomMessageEncodingBindingElement {
        ArgumentChecks.positive(maxReadPoolSize, "maxReadPoolSize");
        ArgumentChecks.positive(maxWritePoolSize, "maxWritePoolSize");
        ArgumentChecks.notNull(messageVersion, "messageVersion");
        TextEncodings.requireSupported(writeEncoding, "writeEncoding");
        ArgumentChecks.positive(maxBufferSize, "maxBufferSize");
        ArgumentChecks.notNull(readerQuotas, "readerQuotas");
    }

    public static MtomMessageEncodingBindingElement defaults() {
        return of(MessageVersion.DEFAULT, StandardCharsets.UTF_8);
    }

    /** The defaults with a given message version and encoding, as the standard bindings create it. */
    public static MtomMessageEncodingBindingElement of(MessageVersion version, Charset writeEncoding) {
        return new MtomMessageEncodingBindingElement(64, 16, version, writeEncoding, 65_536, ReaderQuotas.defaults());
    }

    /** {@code <mtomMessageEncoding>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "mtomMessageEncoding";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }
}
