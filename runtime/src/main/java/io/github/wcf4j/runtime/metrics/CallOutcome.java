package io.github.wcf4j.runtime.metrics;

/** How a call ended: a reply, a SOAP fault (declared or WCF's), or an error in the stack (timeout, I/O, refusal). */
public enum CallOutcome {
    SUCCESS, FAULT, ERROR;

    /** {@code success}, {@code fault} or {@code error}: the value of the {@code outcome} tag. */
    public String tagValue() {
        return this == SUCCESS ? "success" : this == FAULT ? "fault" : "error";
    }
}
