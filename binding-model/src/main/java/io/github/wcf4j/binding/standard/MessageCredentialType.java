package io.github.wcf4j.binding.standard;

/** Message client credentials (WCF {@code MessageCredentialType}, {@code BasicHttpMessageCredentialType}). */
public enum MessageCredentialType {
    None, Windows, UserName, Certificate, IssuedToken
}
