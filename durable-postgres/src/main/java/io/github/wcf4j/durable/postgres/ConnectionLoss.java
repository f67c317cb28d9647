package io.github.wcf4j.durable.postgres;

import java.sql.SQLException;

/**
 * A JDBC failure that says the connection is gone rather than the statement wrong (PostgreSQL shut down or restarting,
 * the network cut): SQLSTATE class 08 (connection exception) and 57P01-57P03 (admin shutdown, crash shutdown, cannot
 * connect now: the server starting). Such a failure is retried on a new connection; any other is not.
 */
final class ConnectionLoss {
    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long MAX_PAUSE_MILLIS = 1000;

    private ConnectionLoss() {
    }

    static boolean is(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException q && q.getSQLState() != null) {
                String state = q.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Waits before reconnect attempt {@code attempt + 1} (50 ms, doubling to 1 s): on the store's own writer thread,
     * which has nothing else to do while the database is away.
     */
    static void pause(int attempt) {
        long millis = Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempt, 10));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
