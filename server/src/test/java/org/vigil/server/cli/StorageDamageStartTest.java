package org.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.auth.Security;
import org.vigil.server.live.LiveServer;
import org.vigil.server.recording.Recorder;
import org.vigil.server.recording.RecordingTap;

/**
 * A corrupt event store does not keep the air picture down: it is moved to quarantine/, the server
 * starts on a new one, and /api/health reports the damage (status degraded, storage_damage).
 */
class StorageDamageStartTest {

    @TempDir
    Path dir;

    @Test
    void aCorruptEventStoreIsQuarantinedAndThePictureComesUp() throws Exception {
        Path data = dir.resolve("data");
        ServerSecurity first = new ServerSecurity();
        first.data = data;
        try (Security s = first.open()) {
            assertThat(s.storageDamage().reports()).isEmpty();
        }
        Path db = data.resolve("recording/events.db");
        byte[] garbage = new byte[(int) Files.size(db)];
        java.util.Arrays.fill(garbage, (byte) 0x5a);
        Files.write(db, garbage); // what a failed disk or a bad copy leaves: not a database any more
        Files.deleteIfExists(data.resolve("recording/events.db-wal"));
        Files.deleteIfExists(data.resolve("recording/events.db-shm"));

        ServerSecurity again = new ServerSecurity();
        again.data = data;
        try (Security security = again.open();
                Recorder recorder = again.openRecorder(List.of(), null);
                LiveServer server = new LiveServer(
                        Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, security, new RecordingTap(recorder))) {
            int port = server.start();
            try (Stream<Path> q = Files.list(data.resolve("recording/quarantine"))) {
                assertThat(q.map(p -> p.getFileName().toString()).toList())
                        .anyMatch(n -> n.startsWith("events-") && n.endsWith(".db"));
            }
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body())
                    .contains("\"status\":\"degraded: storage damage")
                    .contains("event store events.db was corrupt: moved to quarantine/events-");
            // the picture is served
            assertThat(server.picture()).isNotNull();
        }
    }
}
