package io.github.wcf4j.binding.stack;

/**
 * The role a binding element plays in WCF's stack rules (reference source {@code CustomBindingElement.CanAdd},
 * {@code Binding.EnsureInvariants}): at most one transport (and it is last), one message encoder and one stream
 * upgrade per binding; everything else is a protocol layer.
 */
public enum ElementKind {
    PROTOCOL,
    MESSAGE_ENCODING,
    STREAM_UPGRADE,
    TRANSPORT
}
