package io.github.wcf4j.binding.standard;

/** {@code <netHttpBinding messageEncoding>} (WCF {@code NetHttpMessageEncoding}): binary by default, or text or MTOM. */
public enum NetHttpMessageEncoding {
    Binary, Text, Mtom
}
