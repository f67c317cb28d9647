package io.github.wcf4j.runtime.reliability.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The records of a {@link LogSequenceStore} file: {@code [length:int][crc32c:int][payload]}, the payload the key and
 * one {@link SequenceChange}. A record cut short or whose checksum does not match ends the readable log: it and what
 * follows are a write the crash interrupted.
 */
final class LogRecords {
    static final int HEADER = 8;
    /** A sanity bound on one record (a message envelope is bounded by the transport's quotas well below it). */
    static final int MAX_PAYLOAD = 256 * 1024 * 1024;
    /** The tag of an Opened's back channel (a trailing field, after the endpoint). */
    private static final int OPENED_BACK_CHANNEL = 1;

    private LogRecords() {
    }

    /** A key and its change, as read back. */
    record Entry(String key, SequenceChange change) {
    }

    static byte[] encode(String key, SequenceChange change) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0);
            out.writeInt(0);
            out.writeUTF(key);
            if (change instanceof SequenceChange.Opened o) {
                out.writeByte(1);
                out.writeUTF(o.role().name());
                out.writeUTF(o.wsrm());
                out.writeUTF(o.inputId());
                nullable(out, o.outputId());
                nullable(out, o.endpoint());
                // a trailing field: a reader from before it stops at the endpoint and ignores the rest
                if (o.backChannel() != null) {
                    out.writeByte(OPENED_BACK_CHANNEL);
                    out.writeUTF(o.backChannel().uri());
                    out.writeInt(o.backChannel().referenceParameters().size());
                    for (String p : o.backChannel().referenceParameters()) {
                        bytes(out, p.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            } else if (change instanceof SequenceChange.Received r) {
                out.writeByte(2);
                out.writeLong(r.number());
                out.writeBoolean(r.last());
                out.writeUTF(r.host());
                bytes(out, r.message());
            } else if (change instanceof SequenceChange.Delivered d) {
                out.writeByte(3);
                out.writeLong(d.number());
            } else if (change instanceof SequenceChange.Replied r) {
                out.writeByte(4);
                out.writeLong(r.number());
                out.writeLong(r.replyNumber());
                bytes(out, r.reply());
            } else if (change instanceof SequenceChange.Acknowledged a) {
                out.writeByte(5);
                ranges(out, a.ranges());
            } else if (change instanceof SequenceChange.InputClosed c) {
                out.writeByte(6);
                out.writeLong(c.lastNumber());
            } else if (change instanceof SequenceChange.Sent s) {
                out.writeByte(7);
                out.writeLong(s.number());
                bytes(out, s.message());
            } else if (change instanceof SequenceChange.Numbers n) {
                out.writeByte(8);
                ranges(out, n.received());
                out.writeLong(n.inputLast());
                out.writeLong(n.lastReplyNumber());
                out.writeLong(n.lastSent());
            } else if (change instanceof SequenceChange.Ended e) {
                out.writeByte(9);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] record = bytes.toByteArray();
        int length = record.length - HEADER;
        CRC32C crc = new CRC32C();
        crc.update(record, HEADER, length);
        ByteBuffer.wrap(record).putInt(length).putInt((int) crc.getValue());
        return record;
    }

    /**
     * Reads the records of {@code log} from the start; {@code validEnd[0]} is set to the end of the last whole record
     * (where the next write goes, and where a file with a cut tail is truncated).
     */
    static List<Entry> read(ByteBuffer log, long[] validEnd) {
        List<Entry> entries = new ArrayList<>();
        validEnd[0] = 0;
        while (log.remaining() >= HEADER) {
            int start = log.position();
            int length = log.getInt();
            int checksum = log.getInt();
            if (length < 0 || length > MAX_PAYLOAD || log.remaining() < length) {
                break;
            }
            byte[] payload = new byte[length];
            log.get(payload);
            CRC32C crc = new CRC32C();
            crc.update(payload);
            if ((int) crc.getValue() != checksum) {
                break;
            }
            try {
                entries.add(decode(payload));
            } catch (NewerRecordException e) {
                // a whole record (its checksum matches) that this version cannot read is no torn tail: truncating
                // there would drop every sequence written after it
                throw new IllegalStateException("The reliable session store holds a record at offset " + start
                        + " that this version of wcf4j cannot read (" + e.getMessage() + "): it was written by a"
                        + " newer wcf4j. Open the store with that version; the file is left as it is.", e);
            } catch (IOException | RuntimeException e) {
                log.position(start);
                break;
            }
            validEnd[0] = log.position();
        }
        return entries;
    }

    private static Entry decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        String key = in.readUTF();
        int type = in.readByte();
        SequenceChange c = switch (type) {
            case 1 -> opened(in);
            case 2 -> new SequenceChange.Received(in.readLong(), in.readBoolean(), in.readUTF(), bytes(in));
            case 3 -> new SequenceChange.Delivered(in.readLong());
            case 4 -> new SequenceChange.Replied(in.readLong(), in.readLong(), bytes(in));
            case 5 -> new SequenceChange.Acknowledged(ranges(in));
            case 6 -> new SequenceChange.InputClosed(in.readLong());
            case 7 -> new SequenceChange.Sent(in.readLong(), bytes(in));
            case 8 -> new SequenceChange.Numbers(ranges(in), in.readLong(), in.readLong(), in.readLong());
            case 9 -> new SequenceChange.Ended();
            default -> throw new NewerRecordException("change type " + type);
        };
        return new Entry(key, c);
    }

    /**
     * An Opened: the fields every version writes, then optional trailing fields, each tagged, that an earlier reader
     * ignores (records are not versioned otherwise: a new kind of change is a new type, which an earlier reader
     * refuses by name).
     */
    private static SequenceChange.Opened opened(DataInputStream in) throws IOException {
        String roleName = in.readUTF();
        SequenceChange.Role role;
        try {
            role = SequenceChange.Role.valueOf(roleName);
        } catch (IllegalArgumentException e) {
            throw new NewerRecordException("session role " + roleName);
        }
        String wsrm = in.readUTF();
        String inputId = in.readUTF();
        String outputId = nullable(in);
        String endpoint = nullable(in);
        SequenceChange.Address backChannel = null;
        while (in.available() > 0) {
            int field = in.readByte();
            if (field != OPENED_BACK_CHANNEL) {
                throw new NewerRecordException("field " + field + " of a session's opening");
            }
            String uri = in.readUTF();
            int n = in.readInt();
            if (n < 0 || n > 1024) {
                throw new IOException("bad reference parameter count " + n);
            }
            List<String> parameters = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                parameters.add(new String(bytes(in), java.nio.charset.StandardCharsets.UTF_8));
            }
            backChannel = new SequenceChange.Address(uri, parameters);
        }
        return new SequenceChange.Opened(role, wsrm, inputId, outputId, endpoint, backChannel);
    }

    /** A whole record of a change, role or field this version does not know (a newer wcf4j wrote it). */
    private static final class NewerRecordException extends IOException {
        NewerRecordException(String what) {
            super(what);
        }
    }

    private static void nullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_PAYLOAD) {
            throw new IOException("bad length " + n);
        }
        return in.readNBytes(n);
    }

    private static void ranges(DataOutputStream out, List<SequenceChange.Range> ranges) throws IOException {
        out.writeInt(ranges.size());
        for (SequenceChange.Range r : ranges) {
            out.writeLong(r.lower());
            out.writeLong(r.upper());
        }
    }

    private static List<SequenceChange.Range> ranges(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_PAYLOAD / 16) {
            throw new IOException("bad range count " + n);
        }
        List<SequenceChange.Range> r = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            r.add(new SequenceChange.Range(in.readLong(), in.readLong()));
        }
        return r;
    }
}
