package io.github.wcf4j.binding.standard;

/** Transport client credentials (WCF {@code HttpClientCredentialType}, {@code TcpClientCredentialType}). */
public enum TransportCredentialType {
    None, Basic, Digest, Ntlm, Windows, Certificate, InheritedFromHost
}
