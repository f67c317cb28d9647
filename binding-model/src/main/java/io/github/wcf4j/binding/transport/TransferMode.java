package io.github.wcf4j.binding.transport;

/** Whether a transport buffers or streams message bodies (WCF {@code System.ServiceModel.TransferMode}). */
public enum TransferMode {
    Buffered, Streamed, StreamedRequest, StreamedResponse
}
