package io.github.wcf4j.binding.credentials;

/** How far a service may act as a Windows client (.NET {@code TokenImpersonationLevel}), in .NET's order. */
public enum TokenImpersonationLevel {
    None, Anonymous, Identification, Impersonation, Delegation
}
