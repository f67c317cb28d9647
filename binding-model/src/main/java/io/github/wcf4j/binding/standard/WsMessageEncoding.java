package io.github.wcf4j.binding.standard;

/** The encoder a standard HTTP binding uses ({@code messageEncoding}; WCF {@code WSMessageEncoding}). */
public enum WsMessageEncoding {
    Text, Mtom
}
