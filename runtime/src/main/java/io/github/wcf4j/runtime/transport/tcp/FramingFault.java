package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.channel.ProtocolException;
import java.net.URI;

/**
 * The framing faults a server sends ({@code 08 <uri>}, prefix {@code http://schemas.microsoft.com/ws/2006/05/framing/faults/})
 * and the exception each becomes at the client (WCF {@code FaultStringDecoder.GetFaultException}).
 */
enum FramingFault {
    ENDPOINT_NOT_FOUND("EndpointNotFound"),
    CONTENT_TYPE_INVALID("ContentTypeInvalid"),
    UPGRADE_INVALID("UpgradeInvalid"),
    UNSUPPORTED_MODE("UnsupportedMode"),
    UNSUPPORTED_VERSION("UnsupportedVersion"),
    VIA_TOO_LONG("ViaTooLong"),
    CONTENT_TYPE_TOO_LONG("ContentTypeTooLong"),
    MAX_MESSAGE_SIZE_EXCEEDED("MaxMessageSizeExceededFault");

    static final String PREFIX = "http://schemas.microsoft.com/ws/2006/05/framing/faults/";
    private final String suffix;

    FramingFault(String suffix) {
        this.suffix = suffix;
    }

    String uri() {
        return PREFIX + suffix;
    }

    /** The client's exception for fault {@code uri} received from the server at {@code via}. */
    static RuntimeException toException(String uri, URI via, String contentType) {
        for (FramingFault f : values()) {
            if (f.uri().equals(uri)) {
                return f.exception(via, contentType);
            }
        }
        return new ProtocolException(WcfText.FramingFaultUnrecognized.format(uri));
    }

    private RuntimeException exception(URI via, String contentType) {
        switch (this) {
            case ENDPOINT_NOT_FOUND:
                return new EndpointNotFoundException(WcfText.EndpointNotFound.format(via));
            case CONTENT_TYPE_INVALID:
                return new ProtocolException(WcfText.FramingContentTypeMismatch.format(contentType, via));
            case UPGRADE_INVALID:
                return new ProtocolException(WcfText.FramingUpgradeInvalid.format(via));
            case UNSUPPORTED_MODE:
                return new ProtocolException(WcfText.FramingModeNotSupportedFault.format(via));
            case UNSUPPORTED_VERSION:
                return new ProtocolException(WcfText.FramingVersionNotSupportedFault.format(via));
            case VIA_TOO_LONG:
                return new CommunicationException(WcfText.FramingViaTooLongFault.format(via));
            case MAX_MESSAGE_SIZE_EXCEEDED:
                return new CommunicationException(WcfText.FramingMaxMessageSizeExceeded.format());
            default:
                return new CommunicationException(WcfText.FramingFaultUnrecognized.format(uri()));
        }
    }
}
