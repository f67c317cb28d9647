package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.SECURITY;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.MessageSecurityException;

/** A reply without a security header, as WCF's client-side message security protocols judge it. */
final class UnsecuredReply {
    private UnsecuredReply() {
    }

    /**
     * Whether {@code reply} is taken as it is: it has no security header and the binding allows unsecured responses
     * ({@code enableUnsecuredResponse}); {@code false} when it has one, to be verified.
     *
     * @throws MessageSecurityException WCF's {@code UnsecuredMessageFaultReceived} for an unsecured fault (holding it),
     *                                  {@code UnableToFindSecurityHeaderInMessage} for any other unsecured reply
     */
    static boolean acceptedAsIs(Message reply, boolean enableUnsecuredResponse) {
        if (reply.headers().count(SECURITY) != 0) {
            return false;
        }
        if (enableUnsecuredResponse) {
            return true;
        }
        if (reply.isFault()) {
            throw new MessageSecurityException(WcfText.UnsecuredMessageFaultReceived.format(),
                    new SecurityFaultException(reply.fault().orElseThrow()));
        }
        throw new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format(""));
    }
}
