package io.github.wcf4j.runtime.contract;

/** How many service objects serve the calls (WCF {@code InstanceContextMode}). */
public enum InstanceContextMode {
    /** One object per session; on a datagram channel, one per call (WCF's default). */
    PerSession,
    /** A new object for every call. */
    PerCall,
    /** One object for every call of the service. */
    Single
}
