package io.github.wcf4j.runtime.encoding.binary;

/**
 * The record types of [MC-NBFX] §2.2 (WCF {@code XmlBinaryNodeType}). Text records come in pairs: the even code, and
 * the odd code that also ends the element ({@link #withEndElement}).
 */
final class NbfxRecord {
    static final int END_ELEMENT = 0x01;
    static final int COMMENT = 0x02;
    static final int ARRAY = 0x03;
    static final int SHORT_ATTRIBUTE = 0x04;
    static final int ATTRIBUTE = 0x05;
    static final int SHORT_DICTIONARY_ATTRIBUTE = 0x06;
    static final int DICTIONARY_ATTRIBUTE = 0x07;
    static final int SHORT_XMLNS_ATTRIBUTE = 0x08;
    static final int XMLNS_ATTRIBUTE = 0x09;
    static final int SHORT_DICTIONARY_XMLNS_ATTRIBUTE = 0x0A;
    static final int DICTIONARY_XMLNS_ATTRIBUTE = 0x0B;
    static final int PREFIX_DICTIONARY_ATTRIBUTE_A = 0x0C;
    static final int PREFIX_ATTRIBUTE_A = 0x26;
    static final int SHORT_ELEMENT = 0x40;
    static final int ELEMENT = 0x41;
    static final int SHORT_DICTIONARY_ELEMENT = 0x42;
    static final int DICTIONARY_ELEMENT = 0x43;
    static final int PREFIX_DICTIONARY_ELEMENT_A = 0x44;
    static final int PREFIX_ELEMENT_A = 0x5E;
    static final int LETTERS = 26;

    static final int ZERO_TEXT = 0x80;
    static final int ONE_TEXT = 0x82;
    static final int FALSE_TEXT = 0x84;
    static final int TRUE_TEXT = 0x86;
    static final int INT8_TEXT = 0x88;
    static final int INT16_TEXT = 0x8A;
    static final int INT32_TEXT = 0x8C;
    static final int INT64_TEXT = 0x8E;
    static final int FLOAT_TEXT = 0x90;
    static final int DOUBLE_TEXT = 0x92;
    static final int DECIMAL_TEXT = 0x94;
    static final int DATETIME_TEXT = 0x96;
    static final int CHARS8_TEXT = 0x98;
    static final int CHARS16_TEXT = 0x9A;
    static final int CHARS32_TEXT = 0x9C;
    static final int BYTES8_TEXT = 0x9E;
    static final int BYTES16_TEXT = 0xA0;
    static final int BYTES32_TEXT = 0xA2;
    static final int START_LIST_TEXT = 0xA4;
    static final int END_LIST_TEXT = 0xA6;
    static final int EMPTY_TEXT = 0xA8;
    static final int DICTIONARY_TEXT = 0xAA;
    static final int UNIQUE_ID_TEXT = 0xAC;
    static final int TIMESPAN_TEXT = 0xAE;
    static final int UUID_TEXT = 0xB0;
    static final int UINT64_TEXT = 0xB2;
    static final int BOOL_TEXT = 0xB4;
    static final int UNICODE_CHARS8_TEXT = 0xB6;
    static final int UNICODE_CHARS16_TEXT = 0xB8;
    static final int UNICODE_CHARS32_TEXT = 0xBA;
    static final int QNAME_DICTIONARY_TEXT = 0xBC;
    static final int MIN_TEXT = ZERO_TEXT;
    static final int MAX_TEXT = 0xBD;

    private NbfxRecord() {
    }

    static boolean isText(int type) {
        return type >= MIN_TEXT && type <= MAX_TEXT;
    }

    static boolean isAttribute(int type) {
        return type >= SHORT_ATTRIBUTE && type < PREFIX_ATTRIBUTE_A + LETTERS;
    }

    static int withEndElement(int textType) {
        return textType | 1;
    }
}
