package io.github.wcf4j.runtime.encoding.binary;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.CommunicationException;
import java.util.ArrayList;
import java.util.List;

/**
 * The incoming string table of one binary session ([MC-NBFSE]; WCF {@code BinaryMessageEncoder}'s reader session):
 * each message's block adds strings with the next keys. The blocks' total size is charged against this side's
 * {@code maxSessionSize} ({@code BinaryEncoderSessionTooLarge}); a malformed block ({@code BinaryEncoderSessionMalformed})
 * makes the session unusable for every later message ({@code BinaryEncoderSessionInvalid}). Not thread-safe: messages
 * are read one at a time, in order.
 */
public final class SessionReaderStrings implements DictionaryLookup {
    private final int maxSessionSize;
    private final List<String> strings = new ArrayList<>();
    private int used;
    private boolean broken;

    public SessionReaderStrings(int maxSessionSize) {
        this.maxSessionSize = maxSessionSize;
    }

    /** Reads the session block in front of a message and adds its strings. */
    public void readBlock(BinaryInput in) {
        if (broken) {
            throw new CommunicationException(WcfText.BinaryEncoderSessionInvalid.format());
        }
        broken = true;
        int blockBytes;
        try {
            blockBytes = in.readMultiByteInt31();
        } catch (MalformedBinaryException e) {
            throw new CommunicationException(WcfText.BinaryEncoderSessionMalformed.format(), e);
        }
        if (blockBytes > maxSessionSize - used) {
            throw new CommunicationException(WcfText.BinaryEncoderSessionTooLarge.format(maxSessionSize));
        }
        if (blockBytes > in.remaining()) {
            throw new CommunicationException(WcfText.BinaryEncoderSessionMalformed.format());
        }
        int end = in.position() + blockBytes;
        try {
            while (in.position() < end) {
                int length = in.readMultiByteInt31();
                if (length > end - in.position()) {
                    throw new CommunicationException(WcfText.BinaryEncoderSessionMalformed.format());
                }
                strings.add(in.readUtf8(length));
            }
        } catch (MalformedBinaryException e) {
            throw new CommunicationException(WcfText.BinaryEncoderSessionMalformed.format(), e);
        }
        used += blockBytes;
        broken = false;
    }

    /** Marks the session unusable after a message that could not be decoded. */
    public void invalidate() {
        broken = true;
    }

    @Override
    public String sessionString(int index) {
        if (index < 0 || index >= strings.size()) {
            throw new MalformedBinaryException("The session dictionary has no string with id " + (2L * index + 1)
                    + ".");
        }
        return strings.get(index);
    }
}
