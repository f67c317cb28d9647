package io.github.wcf4j.runtime.service;

/** A service cannot be hosted as configured (WCF's {@code InvalidOperationException} from {@code ServiceHost.Open}). */
public class ServiceHostException extends RuntimeException {
    public ServiceHostException(String message) {
        super(message);
    }

    public ServiceHostException(String message, Throwable cause) {
        super(message, cause);
    }
}
