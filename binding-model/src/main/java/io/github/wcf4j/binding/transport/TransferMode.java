package io.github.wcf4j.binding.transport;

/**
 * Whether a transport buffers or streams message bodies (WCF {@code System.ServiceModel.TransferMode}), per direction
 * as WCF's {@code TransferModeHelper} reads it: {@code Streamed} streams both, {@code StreamedRequest} only requests,
 * {@code StreamedResponse} only responses.
 */
public enum TransferMode {
    Buffered, Streamed, StreamedRequest, StreamedResponse;

    /** Whether requests are streamed (WCF {@code TransferModeHelper.IsRequestStreamed}). */
    public boolean streamsRequests() {
        return this == Streamed || this == StreamedRequest;
    }

    /** Whether responses are streamed (WCF {@code TransferModeHelper.IsResponseStreamed}). */
    public boolean streamsResponses() {
        return this == Streamed || this == StreamedResponse;
    }
}
