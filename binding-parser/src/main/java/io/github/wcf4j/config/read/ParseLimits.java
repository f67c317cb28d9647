package io.github.wcf4j.config.read;

/**
 * Bounds on what the configuration reader accepts, so that a hostile or broken file fails fast with bounded memory.
 * Real configuration files are far inside every bound (the deepest WCF path is about 12 elements).
 *
 * @param maxFileBytes            whole file, {@value #DEFAULT_MAX_FILE_BYTES} bytes
 * @param maxDepth                element nesting, {@value #DEFAULT_MAX_DEPTH}
 * @param maxAttributesPerElement {@value #DEFAULT_MAX_ATTRIBUTES}
 * @param maxAttributeValueChars  {@value #DEFAULT_MAX_ATTRIBUTE_CHARS}
 * @param maxTextChars            one text node, {@value #DEFAULT_MAX_TEXT_CHARS}
 * @param maxElements             elements in the document, {@value #DEFAULT_MAX_ELEMENTS}
 */
public record ParseLimits(long maxFileBytes, int maxDepth, int maxAttributesPerElement, int maxAttributeValueChars,
        int maxTextChars, int maxElements) {

    public static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 64;
    public static final int DEFAULT_MAX_ATTRIBUTES = 256;
    public static final int DEFAULT_MAX_ATTRIBUTE_CHARS = 65_536;
    public static final int DEFAULT_MAX_TEXT_CHARS = 1024 * 1024;
    public static final int DEFAULT_MAX_ELEMENTS = 200_000;

    public static ParseLimits defaults() {
        return new ParseLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ATTRIBUTES,
                DEFAULT_MAX_ATTRIBUTE_CHARS, DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_ELEMENTS);
    }
}
