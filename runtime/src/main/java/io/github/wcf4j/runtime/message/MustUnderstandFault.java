package io.github.wcf4j.runtime.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The {@code MustUnderstand} fault (WCF's {@code MustUnderstandSoapException}): the first header's name in the
 * reason and, under SOAP 1.2, one {@code NotUnderstood} header per header that was not understood.
 */
public final class MustUnderstandFault {
    private MustUnderstandFault() {
    }

    /** The fault alone, naming {@code header}. */
    public static MessageFault of(QName header) {
        return new MessageFault(FaultCode.MustUnderstand, List.of(), WcfText.SFxHeaderNotUnderstood.format(
                header.getLocalPart(), header.getNamespaceURI()), Optional.empty());
    }

    /** The fault message for {@code notUnderstood} (not empty), with {@code action}. */
    public static Message create(MessageVersion version, List<QName> notUnderstood, String action) {
        Message fault = Message.createFault(version, of(notUnderstood.get(0)), action);
        if (version.envelope() == EnvelopeVersion.SOAP12) {
            String addressingNs = version.addressing() == AddressingVersion.NONE ? null
                    : version.addressing().namespace();
            notUnderstood.forEach(h -> fault.headers().add(new NotUnderstoodHeader(h, addressingNs)));
        }
        return fault;
    }
}
