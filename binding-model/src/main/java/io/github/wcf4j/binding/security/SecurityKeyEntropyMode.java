package io.github.wcf4j.binding.security;

/** Who contributes key material to issued keys (WCF {@code SecurityKeyEntropyMode}). */
public enum SecurityKeyEntropyMode {
    ClientEntropy, ServerEntropy, CombinedEntropy
}
