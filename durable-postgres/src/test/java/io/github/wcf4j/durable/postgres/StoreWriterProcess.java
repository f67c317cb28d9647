package io.github.wcf4j.durable.postgres;

import io.github.wcf4j.runtime.reliability.store.SequenceChange;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import java.nio.charset.StandardCharsets;

/**
 * A host that writes one sequence until it is killed ({@link SequenceStoreContractTest}'s crash): args are the
 * {@link StoreKind}, its place and the sequence's key. It writes Opened, then Received 1, 2, ... each as soon as the
 * last write completed, and prints {@code written n} once the write of n completed (what a session would
 * acknowledge). It keeps writing (and keeps several writes in flight) until the parent kills it with SIGKILL.
 */
public final class StoreWriterProcess {
    private StoreWriterProcess() {
    }

    public static void main(String[] args) {
        StoreKind kind = StoreKind.valueOf(args[0]);
        SequenceStore store = kind.open(args[1]);
        String key = args[2];
        store.write(key, new SequenceChange.Opened(SequenceChange.Role.SERVICE_INPUT, "urn:rm", key, null, "/svc"))
                .join();
        System.out.println("opened");
        System.out.flush();
        for (long n = 1; ; n += 4) {
            // four in flight: the kill may land between a write and its completion
            for (long m = n; m < n + 4; m++) {
                long number = m;
                store.write(key, new SequenceChange.Received(number, false, "crashing", ("message " + number)
                        .getBytes(StandardCharsets.UTF_8))).thenRun(() -> {
                            synchronized (System.out) {
                                System.out.println("written " + number);
                                System.out.flush();
                            }
                        });
            }
            store.write(key, new SequenceChange.Delivered(0)).join();
        }
    }
}
