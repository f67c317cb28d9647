package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.durable.postgres.LoopbackPostgres;

/**
 * {@link DurableServiceCrashTest} with the service processes' sessions in PostgreSQL ({@link LoopbackPostgres}, a real
 * server) named by a {@code jdbc:postgresql://} value of the same wcf4j setting: the service killed with SIGKILL while
 * it holds an acknowledged request, restarted, completes the sequence exactly once and in order, both WS-RM versions.
 * (In the runtime's package for its test helpers; the runtime's own tests cannot reach the PostgreSQL store.)
 */
class PostgresDurableServiceCrashTest extends DurableServiceCrashTest {
    private String database;

    @Override
    String storeSetting() {
        if (database == null) {
            database = LoopbackPostgres.freshDatabase();
        }
        return database;
    }
}
