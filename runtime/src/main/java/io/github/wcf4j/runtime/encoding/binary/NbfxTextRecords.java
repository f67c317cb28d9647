package io.github.wcf4j.runtime.encoding.binary;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * The lexical XML value of each [MC-NBFX] text record (§2.2.3), as WCF's reader renders it ({@code XmlConvert}): the
 * decoder's view of typed records.
 */
final class NbfxTextRecords {
    private static final long TICKS_PER_SECOND = 10_000_000L;
    /** Ticks from 0001-01-01 to 1970-01-01. */
    private static final long UNIX_EPOCH_TICKS = 621_355_968_000_000_000L;
    private static final long TICKS_MASK = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private NbfxTextRecords() {
    }

    /** The value of a text record of {@code type} (either variant), read from {@code in}. */
    static String read(int type, BinaryInput in, DictionaryLookup dictionary) {
        switch (type & ~1) {
            case NbfxRecord.ZERO_TEXT:
                return "0";
            case NbfxRecord.ONE_TEXT:
                return "1";
            case NbfxRecord.FALSE_TEXT:
                return "false";
            case NbfxRecord.TRUE_TEXT:
                return "true";
            case NbfxRecord.INT8_TEXT:
                return Integer.toString((byte) in.readLittleEndian(1));
            case NbfxRecord.INT16_TEXT:
                return Integer.toString((short) in.readLittleEndian(2));
            case NbfxRecord.INT32_TEXT:
                return Integer.toString((int) in.readLittleEndian(4));
            case NbfxRecord.INT64_TEXT:
                return Long.toString(in.readLittleEndian(8));
            case NbfxRecord.FLOAT_TEXT:
                return floating(Float.intBitsToFloat((int) in.readLittleEndian(4)));
            case NbfxRecord.DOUBLE_TEXT:
                return floating(Double.longBitsToDouble(in.readLittleEndian(8)));
            case NbfxRecord.DECIMAL_TEXT:
                return decimal(in.readBytes(16));
            case NbfxRecord.DATETIME_TEXT:
                return dateTime(in.readLittleEndian(8));
            case NbfxRecord.CHARS8_TEXT:
                return in.readUtf8((int) in.readLittleEndian(1));
            case NbfxRecord.CHARS16_TEXT:
                return in.readUtf8((int) in.readLittleEndian(2));
            case NbfxRecord.CHARS32_TEXT:
                return in.readUtf8((int) in.readLittleEndian(4));
            case NbfxRecord.BYTES8_TEXT:
                return Base64.getEncoder().encodeToString(in.readBytes((int) in.readLittleEndian(1)));
            case NbfxRecord.BYTES16_TEXT:
                return Base64.getEncoder().encodeToString(in.readBytes((int) in.readLittleEndian(2)));
            case NbfxRecord.BYTES32_TEXT:
                return Base64.getEncoder().encodeToString(in.readBytes((int) in.readLittleEndian(4)));
            case NbfxRecord.EMPTY_TEXT:
                return "";
            case NbfxRecord.DICTIONARY_TEXT:
                return dictionary.resolve(in.readMultiByteInt31());
            case NbfxRecord.UNIQUE_ID_TEXT:
                return "urn:uuid:" + GuidBytes.fromDotNet(in.readBytes(16));
            case NbfxRecord.TIMESPAN_TEXT:
                return timeSpan(in.readLittleEndian(8));
            case NbfxRecord.UUID_TEXT:
                return GuidBytes.fromDotNet(in.readBytes(16)).toString();
            case NbfxRecord.UINT64_TEXT:
                return Long.toUnsignedString(in.readLittleEndian(8));
            case NbfxRecord.BOOL_TEXT:
                return bool(in.readByte());
            case NbfxRecord.UNICODE_CHARS8_TEXT:
                return in.readUtf16((int) in.readLittleEndian(1));
            case NbfxRecord.UNICODE_CHARS16_TEXT:
                return in.readUtf16((int) in.readLittleEndian(2));
            case NbfxRecord.UNICODE_CHARS32_TEXT:
                return in.readUtf16((int) in.readLittleEndian(4));
            case NbfxRecord.QNAME_DICTIONARY_TEXT:
                return qname(in, dictionary);
            default:
                throw new MalformedBinaryException(String.format("The text record 0x%02X cannot stand here.", type));
        }
    }

    private static String bool(int b) {
        if (b > 1) {
            throw new MalformedBinaryException("A BoolText holds " + b + ".");
        }
        return b == 1 ? "true" : "false";
    }

    private static String qname(BinaryInput in, DictionaryLookup dictionary) {
        int letter = in.readByte();
        if (letter >= NbfxRecord.LETTERS) {
            throw new MalformedBinaryException("A QNameDictionaryText prefix " + letter + " is not a letter.");
        }
        return (char) ('a' + letter) + ":" + dictionary.resolve(in.readMultiByteInt31());
    }

    private static String floating(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "INF" : "-INF";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (d == 0 && 1 / d < 0) ? "-0" : Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static String decimal(byte[] b) {
        int scale = b[2] & 0xFF;
        boolean negative = (b[3] & 0x80) != 0;
        byte[] magnitude = new byte[12];
        for (int i = 0; i < 4; i++) {
            magnitude[3 - i] = b[4 + i]; // Hi32, little-endian
        }
        for (int i = 0; i < 8; i++) {
            magnitude[11 - i] = b[8 + i]; // Lo64, little-endian
        }
        if (scale > 28) {
            throw new MalformedBinaryException("A DecimalText has scale " + scale + ".");
        }
        BigDecimal v = new BigDecimal(new BigInteger(1, magnitude), scale);
        return (negative ? v.negate() : v).toPlainString();
    }

    /** {@code DateTime.FromBinary}: 62 bits of ticks and 2 bits of kind (0 unspecified, 1 UTC, 2 local as UTC ticks). */
    private static String dateTime(long binary) {
        int kind = (int) (binary >>> 62);
        long ticks = binary & TICKS_MASK;
        long sinceEpoch = ticks - UNIX_EPOCH_TICKS;
        long seconds = Math.floorDiv(sinceEpoch, TICKS_PER_SECOND);
        int fraction = (int) Math.floorMod(sinceEpoch, TICKS_PER_SECOND);
        LocalDateTime t;
        String zone;
        if (kind == 2) {
            ZoneOffset offset = ZoneId.systemDefault().getRules().getOffset(Instant.ofEpochSecond(seconds));
            t = LocalDateTime.ofEpochSecond(seconds, 0, offset);
            zone = offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
        } else {
            t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
            zone = kind == 1 ? "Z" : "";
        }
        StringBuilder s = new StringBuilder(SECONDS.format(t));
        if (fraction != 0) {
            String digits = String.format("%07d", fraction);
            s.append('.').append(digits.replaceAll("0+$", ""));
        }
        return s.append(zone).toString();
    }

    /** {@code XmlConvert.ToString(TimeSpan)}: an xs:duration of days, hours, minutes and seconds. */
    private static String timeSpan(long ticks) {
        StringBuilder s = new StringBuilder();
        BigInteger all = BigInteger.valueOf(ticks);
        if (ticks < 0) {
            s.append('-');
            all = all.negate();
        }
        s.append('P');
        BigInteger[] secondsAndFraction = all.divideAndRemainder(BigInteger.valueOf(TICKS_PER_SECOND));
        long total = secondsAndFraction[0].longValue();
        long fraction = secondsAndFraction[1].longValue();
        long days = total / 86_400;
        long hours = total / 3600 % 24;
        long minutes = total / 60 % 60;
        long seconds = total % 60;
        if (days != 0) {
            s.append(days).append('D');
        }
        if (hours != 0 || minutes != 0 || seconds != 0 || fraction != 0 || days == 0) {
            s.append('T');
            if (hours != 0) {
                s.append(hours).append('H');
            }
            if (minutes != 0) {
                s.append(minutes).append('M');
            }
            if (seconds != 0 || fraction != 0 || (hours == 0 && minutes == 0)) {
                s.append(seconds);
                if (fraction != 0) {
                    s.append('.').append(String.format("%07d", fraction).replaceAll("0+$", ""));
                }
                s.append('S');
            }
        }
        return s.toString();
    }
}
