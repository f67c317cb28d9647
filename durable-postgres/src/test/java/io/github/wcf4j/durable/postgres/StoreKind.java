package io.github.wcf4j.durable.postgres;

import io.github.wcf4j.runtime.reliability.store.FsyncPolicy;
import io.github.wcf4j.runtime.reliability.store.LogSequenceStore;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The durable stores the contract suite runs on: where one keeps its sequences ({@link #place}) and how it opens. */
enum StoreKind {
    /** The embedded default: a file (group commit with fsync), under the module's target directory. */
    LOG {
        @Override
        String place() {
            try {
                return Files.createTempDirectory(Files.createDirectories(Path.of("target", "stores")), "log").resolve("rm.log").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        SequenceStore open(String place, Clock clock) {
            return LogSequenceStore.open(Path.of(place), FsyncPolicy.GROUP, LogSequenceStore.DEFAULT_COMPACT_AFTER_BYTES,
                    clock);
        }
    },
    /** A farm's: a database of the loopback PostgreSQL server. */
    POSTGRES {
        @Override
        String place() {
            return LoopbackPostgres.freshDatabase();
        }

        @Override
        SequenceStore open(String place, Clock clock) {
            return PostgresSequenceStore.open(place, new PostgresSequenceStore.Options(clock, Duration.ofMinutes(1),
                    256));
        }
    };

    /** A new, empty place for a store. */
    abstract String place();

    SequenceStore open(String place) {
        return open(place, Clock.systemUTC());
    }

    /** The store at {@code place}, its housekeeping reading {@code clock}. */
    abstract SequenceStore open(String place, Clock clock);
}
