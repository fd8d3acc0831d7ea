package org.vigil.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.server.cli.Theatres;
import org.vigil.server.live.LiveServer;

/**
 * A stored event line this build refuses (a type it does not know, a newer schema) is skipped and
 * counted, and the count reaches the API ({@code /api/health} {@code event_lines_skipped}), not
 * only the log.
 */
class EventDecoderTest {
    @Test
    @Timeout(60)
    void aRefusedLineIsSkippedCountedAndShownInTheHealthReport() throws Exception {
        EventDecoder d = new EventDecoder("decoder-test");
        StoredEvent unknown = new StoredEvent(
                7, "from-the-future", 1L, null, "{\"v\":99,\"type\":\"from-the-future\",\"time\":\"x\"}", null, 0);
        assertThat(d.decode(unknown)).isEmpty();
        assertThat(d.decode(unknown)).isEmpty();
        assertThat(d.skipped()).isEqualTo(2);
        assertThat(EventDecoder.skippedByReader()).containsEntry("decoder-test", 2L);

        try (LiveServer server = new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0)) {
            int port = server.start();
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"event_lines_skipped\":{").contains("\"decoder-test\":2");
        }
    }
}
