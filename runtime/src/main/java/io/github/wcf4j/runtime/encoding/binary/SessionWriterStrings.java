package io.github.wcf4j.runtime.encoding.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outgoing string table of one binary session ([MC-NBFSE]; WCF {@code XmlBinaryWriterSessionWithQuota}): strings get
 * keys 0, 1, 2... in first-use order (wire id {@code 2k + 1}) for the life of the channel. Each new string costs its
 * UTF-8 length plus its length prefix against {@code maxSessionSize}; the first that does not fit zeroes the budget, and
 * it and every later new string go inline. The strings a message introduced travel in front of it
 * ({@link #drainBlock}). Not thread-safe: one writer per session, messages written one at a time.
 */
public final class SessionWriterStrings {
    private final Map<String, Integer> keys = new HashMap<>();
    private final List<String> pending = new ArrayList<>();
    private int budget;

    public SessionWriterStrings(int maxSessionSize) {
        this.budget = maxSessionSize;
    }

    /** The wire id of {@code s} in this session, adding it if the budget allows; {@code -1}: write it inline. */
    public int idOf(String s) {
        Integer k = keys.get(s);
        if (k != null) {
            return 2 * k + 1;
        }
        int length = s.getBytes(StandardCharsets.UTF_8).length;
        int cost = length + MultiByteInt31.length(length);
        if (cost > budget) {
            budget = 0;
            return -1;
        }
        budget -= cost;
        int key = keys.size();
        keys.put(s, key);
        pending.add(s);
        return 2 * key + 1;
    }

    /**
     * Writes the strings added since the last call as the session block that precedes a message: its byte length, then
     * each string with its length ({@code 00} when there are none), and forgets them.
     */
    public void drainBlock(ByteArrayOutputStream out) {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        for (String s : pending) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            MultiByteInt31.write(block, b.length);
            block.write(b, 0, b.length);
        }
        pending.clear();
        MultiByteInt31.write(out, block.size());
        out.write(block.toByteArray(), 0, block.size());
    }

    /** Forgets the strings of a message that was not sent: its keys stay taken, as in WCF. */
    public void discardPending() {
        pending.clear();
    }
}
