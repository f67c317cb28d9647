package io.github.wcf4j.runtime.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which WCF declares namespaces on {@code wsdl:definitions}: its exporter keeps the prefixes in a .NET
 * {@code Hashtable} (cloned per document, then {@code tns} and {@code i0}, {@code i1}, ... added) and the serializer
 * writes them in the table's enumeration order, which follows the 64-bit CLR's string hash, probing and growth rules.
 * This emulates that table so the declarations come out as a 64-bit WCF host writes them; {@code wsdl} comes first
 * because it is the element's own prefix. (Consumers do not depend on the order; byte-identical output helps
 * comparing with captures.)
 */
final class ClrNamespaceOrder {
    /** The prefixes WCF's exporter registers, in registration order. */
    static final List<String> BASE = List.of("wsdl", "xsd", "wsp", "wsu", "wsa", "wsap", "wsa10", "wsaw", "wsam", "wsx",
            "msc", "soapenc", "soap12", "soap");
    private static final int[] PRIMES = {3, 7, 11, 17, 23, 29, 37, 47, 59, 71, 89, 107, 131, 163, 197, 239, 293, 353,
        431, 521, 631, 761, 919};
    private static final float LOAD_FACTOR = 0.72f;

    private ClrNamespaceOrder() {
    }

    /** The declaration order for a document whose table holds {@link #BASE} plus {@code extra} (tns, i0, ...). */
    static List<String> of(List<String> extra) {
        Table base = new Table(0);
        BASE.forEach(base::insert);
        Table copy = new Table(base.count);
        base.keys().forEach(copy::insert);
        extra.forEach(copy::insert);
        List<String> order = new ArrayList<>();
        order.add("wsdl");
        for (String k : copy.keys()) {
            if (!k.equals("wsdl")) {
                order.add(k);
            }
        }
        return order;
    }

    /**
     * The order on a {@code ?singleWsdl} document: WCF writes a clone of the contract document (its own prefix last)
     * and reads it back, so the table is rebuilt by plain insertion in that written order.
     */
    static List<String> singleWsdl(List<String> extra) {
        List<String> written = new ArrayList<>(of(extra).subList(1, of(extra).size()));
        written.add("wsdl");
        Table reread = new Table(0);
        written.forEach(reread::insert);
        List<String> order = new ArrayList<>();
        order.add("wsdl");
        for (String k : reread.keys()) {
            if (!k.equals("wsdl")) {
                order.add(k);
            }
        }
        return order;
    }

    /** {@code String.GetHashCode} of the 64-bit .NET Framework (non-randomized). */
    static int clrHash(String s) {
        int h1 = 5381;
        int h2 = h1;
        int i = 0;
        int n = s.length();
        while (i < n) {
            h1 = ((h1 << 5) + h1) ^ s.charAt(i);
            if (i + 1 >= n) {
                break;
            }
            h2 = ((h2 << 5) + h2) ^ s.charAt(i + 1);
            i += 2;
        }
        return h1 + h2 * 1566083941;
    }

    /** A {@code System.Collections.Hashtable} reduced to what decides key order. */
    private static final class Table {
        private String[] keys;
        private int[] hashes;
        private int count;
        private int loadSize;

        Table(int capacity) {
            float raw = capacity / LOAD_FACTOR;
            int size = raw > 3 ? prime((int) raw) : 3;
            keys = new String[size];
            hashes = new int[size];
            loadSize = (int) (LOAD_FACTOR * size);
        }

        private static int prime(int min) {
            for (int p : PRIMES) {
                if (p >= min) {
                    return p;
                }
            }
            throw new IllegalStateException("table too large");
        }

        void insert(String key) {
            if (count >= loadSize) {
                expand();
            }
            int hc = clrHash(key) & 0x7FFFFFFF;
            int n = place(keys.length, hc);
            int step = step(keys.length, hc);
            while (keys[n] != null) {
                if (keys[n].equals(key)) {
                    return;
                }
                n = (n + step) % keys.length;
            }
            keys[n] = key;
            hashes[n] = hc;
            count++;
        }

        private void expand() {
            String[] oldKeys = keys;
            int[] oldHashes = hashes;
            int size = prime(2 * oldKeys.length);
            keys = new String[size];
            hashes = new int[size];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int n = place(size, oldHashes[i]);
                    int step = step(size, oldHashes[i]);
                    while (keys[n] != null) {
                        n = (n + step) % size;
                    }
                    keys[n] = oldKeys[i];
                    hashes[n] = oldHashes[i];
                }
            }
            loadSize = (int) (LOAD_FACTOR * size);
        }

        private static int place(int size, int hc) {
            return (int) (Integer.toUnsignedLong(hc) % size);
        }

        /** {@code 1 + (seed * HashPrime) % (size - 1)}, the product wrapping at 2^32 as the CLR computes it. */
        private static int step(int size, int hc) {
            long product = (Integer.toUnsignedLong(hc) * 101L) & 0xFFFFFFFFL;
            return (int) (1 + product % (size - 1));
        }

        /** Enumeration order: buckets from the last to the first. */
        List<String> keys() {
            List<String> out = new ArrayList<>();
            for (int i = keys.length - 1; i >= 0; i--) {
                if (keys[i] != null) {
                    out.add(keys[i]);
                }
            }
            return out;
        }
    }
}
