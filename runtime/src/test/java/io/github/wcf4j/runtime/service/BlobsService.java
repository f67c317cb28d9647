package io.github.wcf4j.runtime.service;

/** Measures what it receives. */
public class BlobsService implements Blobs {
    @Override
    public int length(byte[] data) {
        return data.length;
    }

    @Override
    public int chars(String text) {
        return text.length();
    }

    @Override
    public int count(int[] values) {
        return values.length;
    }

    @Override
    public byte[] make(int length) {
        return new byte[length];
    }
}
