package io.github.wcf4j.runtime.channel;

/** A configured limit was exceeded (WCF {@code QuotaExceededException}), e.g. {@code maxReceivedMessageSize}. */
public class QuotaExceededException extends CommunicationException {
    public QuotaExceededException(String message) {
        super(message);
    }
}
