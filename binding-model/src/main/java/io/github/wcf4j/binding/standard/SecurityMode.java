package io.github.wcf4j.binding.standard;

/**
 * The {@code <security mode>} of a standard binding: the union of WCF's {@code SecurityMode},
 * {@code BasicHttpSecurityMode} and {@code WSDualHttpSecurityMode}; each binding accepts its own subset.
 */
public enum SecurityMode {
    None, Transport, Message, TransportWithMessageCredential, TransportCredentialOnly
}
