package io.github.wcf4j.runtime.channel;

import io.github.wcf4j.binding.WcfText;

/**
 * A communication object was used after it was closed (the .NET {@code ObjectDisposedException} WCF's
 * {@code CommunicationObject} throws then; an {@code InvalidOperationException}, hence an
 * {@link IllegalStateException} here). A service's callback channel is the common case: calling a client through a
 * stored callback after that client closed its session.
 */
public class ObjectDisposedException extends IllegalStateException {
    /** {@code objectName}: the type WCF names, e.g. {@code System.ServiceModel.Channels.ServiceChannel}. */
    public ObjectDisposedException(String objectName) {
        super(WcfText.ObjectDisposed_ObjectName.format(objectName));
    }
}
