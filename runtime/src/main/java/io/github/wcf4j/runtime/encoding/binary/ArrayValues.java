package io.github.wcf4j.runtime.encoding.binary;

/** The typed values an [MC-NBFX] Array record may hold (§2.2.3.31) and the bytes each takes. */
final class ArrayValues {
    private ArrayValues() {
    }

    static boolean allowed(int type) {
        return size(type) > 0;
    }

    static int size(int type) {
        switch (type) {
            case NbfxRecord.BOOL_TEXT | 1:
                return 1;
            case NbfxRecord.INT16_TEXT | 1:
                return 2;
            case NbfxRecord.INT32_TEXT | 1:
            case NbfxRecord.FLOAT_TEXT | 1:
                return 4;
            case NbfxRecord.INT64_TEXT | 1:
            case NbfxRecord.DOUBLE_TEXT | 1:
            case NbfxRecord.DATETIME_TEXT | 1:
            case NbfxRecord.TIMESPAN_TEXT | 1:
                return 8;
            case NbfxRecord.DECIMAL_TEXT | 1:
            case NbfxRecord.UUID_TEXT | 1:
                return 16;
            default:
                return 0;
        }
    }
}
