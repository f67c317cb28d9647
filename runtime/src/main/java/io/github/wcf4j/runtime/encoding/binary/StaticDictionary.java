package io.github.wcf4j.runtime.encoding.binary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The [MC-NBFS] static dictionary: the 487 strings WCF's binary encoder refers to by even wire id {@code 2n}
 * ({@code ServiceModelDictionary.Version1}). The table {@code nbfs-static-dictionary.txt} (string {@code n} on line
 * {@code n + 1}) is generated from the .NET reference source {@code System.ServiceModel/ServiceModelStringsVersion1.cs}
 * ({@code public const string StringN}), which is authoritative: entry 212 keeps its leading space
 * ({@code " http://schemas.xmlsoap.org/ws/2005/02/trust/tlsnego"}), as WCF has it. Immutable, thread-safe.
 */
public final class StaticDictionary {
    /** How many strings the dictionary holds. */
    public static final int SIZE = 487;
    private static final String[] STRINGS = load();
    private static final Map<String, Integer> INDEX = index(STRINGS);

    private StaticDictionary() {
    }

    /** The string with dictionary index {@code index} (wire id {@code 2 * index}). */
    public static String string(int index) {
        if (index < 0 || index >= SIZE) {
            throw new MalformedBinaryException("The static dictionary has no string with id " + (2L * index) + ".");
        }
        return STRINGS[index];
    }

    /** The index of {@code s}, or {@code -1}. */
    public static int indexOf(String s) {
        Integer i = INDEX.get(s);
        return i == null ? -1 : i;
    }

    private static String[] load() {
        InputStream in = StaticDictionary.class.getResourceAsStream("nbfs-static-dictionary.txt");
        if (in == null) {
            throw new IllegalStateException("nbfs-static-dictionary.txt is missing from the runtime");
        }
        List<String> lines = new ArrayList<>(SIZE);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.size() != SIZE) {
            throw new IllegalStateException("the static dictionary has " + lines.size() + " strings, not " + SIZE);
        }
        return lines.toArray(new String[0]);
    }

    private static Map<String, Integer> index(String[] strings) {
        Map<String, Integer> m = new HashMap<>(strings.length * 2);
        for (int i = strings.length - 1; i >= 0; i--) {
            m.put(strings[i], i); // the lowest index wins for a string listed twice
        }
        return Map.copyOf(m);
    }
}
