package io.github.wcf4j.runtime.encoding.binary;

import java.util.UUID;

/**
 * A GUID in .NET's {@code Guid.ToByteArray()} order: the first three fields little-endian, the last eight bytes as
 * written ([MC-NBFX] §2.2.3.29 UniqueIdText, §2.2.3.31 UuidText).
 */
final class GuidBytes {
    private GuidBytes() {
    }

    static byte[] toDotNet(UUID id) {
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        byte[] b = new byte[16];
        int a = (int) (hi >>> 32);
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) (a >>> (8 * i));
        }
        b[4] = (byte) (hi >>> 16);
        b[5] = (byte) (hi >>> 24);
        b[6] = (byte) hi;
        b[7] = (byte) (hi >>> 8);
        for (int i = 0; i < 8; i++) {
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return b;
    }

    static UUID fromDotNet(byte[] b) {
        long a = (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
        long bb = (b[4] & 0xFFL) | (b[5] & 0xFFL) << 8;
        long c = (b[6] & 0xFFL) | (b[7] & 0xFFL) << 8;
        long hi = a << 32 | bb << 16 | c;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            lo = lo << 8 | (b[8 + i] & 0xFFL);
        }
        return new UUID(hi, lo);
    }
}
