package io.github.wcf4j.runtime.encoding.binary;

import java.io.ByteArrayOutputStream;

/** The bytes of a binary XML document being written; a written record type can be changed in place (folding). */
public final class NbfxOutput extends ByteArrayOutputStream {

    public NbfxOutput(int size) {
        super(size);
    }

    int byteAt(int index) {
        return buf[index] & 0xFF;
    }

    void patch(int index, int value) {
        buf[index] = (byte) value;
    }
}
