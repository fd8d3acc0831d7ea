package org.vigil.server.recording;

/** The event-store suite on a real PostgreSQL server ({@link PostgresServer}). */
class EventStorePostgresTest extends EventStoreContract {
    @Override
    String newDatabaseUrl() throws Exception {
        return PostgresServer.get().newDatabase();
    }
}
