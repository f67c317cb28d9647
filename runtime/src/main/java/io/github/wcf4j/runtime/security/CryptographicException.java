package io.github.wcf4j.runtime.security;

/**
 * .NET's {@code CryptographicException}: a certificate search whose find value or type .NET's certificate collection
 * refuses (a {@code FindByTime*} type, which needs a date that configuration cannot give; an unknown key usage).
 */
public class CryptographicException extends IllegalArgumentException {
    public CryptographicException(String message) {
        super(message);
    }
}
