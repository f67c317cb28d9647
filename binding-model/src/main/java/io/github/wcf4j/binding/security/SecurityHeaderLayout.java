package io.github.wcf4j.binding.security;

/** The order of items in the {@code wsse:Security} header (WCF {@code SecurityHeaderLayout}). */
public enum SecurityHeaderLayout {
    Strict, Lax, LaxTimestampFirst, LaxTimestampLast
}
