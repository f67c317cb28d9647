package io.github.wcf4j.runtime.channel;

import java.util.List;
import javax.xml.namespace.QName;

/**
 * Headers the receiver must understand but cannot process, e.g. a second WS-RM {@code Sequence} header (WCF
 * {@code MustUnderstandSoapException}); answered with the {@code MustUnderstand} fault.
 */
public class MustUnderstandException extends ProtocolException {
    private final transient List<QName> headers;

    public MustUnderstandException(String message, List<QName> headers) {
        super(message);
        this.headers = List.copyOf(headers);
    }

    public List<QName> headers() {
        return headers;
    }
}
