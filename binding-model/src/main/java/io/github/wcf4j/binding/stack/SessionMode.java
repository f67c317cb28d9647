package io.github.wcf4j.binding.stack;

/** Whether a service contract requires, allows or forbids sessions ({@code [ServiceContract(SessionMode=...)]}). */
public enum SessionMode {
    Allowed, Required, NotAllowed
}
