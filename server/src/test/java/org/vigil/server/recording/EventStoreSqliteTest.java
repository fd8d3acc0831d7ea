package org.vigil.server.recording;

/** The event-store suite on the embedded SQLite file. */
class EventStoreSqliteTest extends EventStoreContract {
    @Override
    String newDatabaseUrl() {
        return "jdbc:sqlite:" + dir.resolve("events.db");
    }
}
