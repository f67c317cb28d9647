package io.github.wcf4j.binding.transport;

/** When HTTP uses WebSockets ({@code <webSocketSettings transportUsage>}); it decides the HTTP channel shapes. */
public enum WebSocketTransportUsage {
    WhenDuplex, Never, Always
}
