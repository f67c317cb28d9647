package io.github.wcf4j.binding.security;

/** Whether messages are signed or encrypted first (WCF {@code MessageProtectionOrder}). */
public enum MessageProtectionOrder {
    SignBeforeEncrypt, SignBeforeEncryptAndEncryptSignature, EncryptBeforeSign
}
