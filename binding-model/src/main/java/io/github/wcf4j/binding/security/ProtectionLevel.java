package io.github.wcf4j.binding.security;

/** {@code System.Net.Security.ProtectionLevel}. */
public enum ProtectionLevel {
    None, Sign, EncryptAndSign
}
