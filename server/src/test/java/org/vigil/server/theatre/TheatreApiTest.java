package org.vigil.server.theatre;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.server.cli.Theatres;
import org.vigil.server.live.LiveServer;

/** The console opens on the theatre's area, and its airspace, zone and FIR layers are the theatre's. */
class TheatreApiTest {
    @Test
    @Timeout(180)
    void theBalticTheatresAreaAirspaceAndZonesAreServedAndTheConsoleReadsThem() throws Exception {
        try (LiveServer server = new LiveServer(Theatres.builtIn("baltic"), "127.0.0.1", 0)) {
            int port = server.start();
            JsonNode t = new ObjectMapper().readTree(get(port, "/api/theatre"));
            assertThat(t.get("name").asText()).isEqualTo("baltic");
            JsonNode area = t.get("area");
            assertThat(area.get("south").asDouble()).isEqualTo(53.5);
            assertThat(area.get("north").asDouble()).isEqualTo(60.8);
            assertThat(area.get("west").asDouble()).isEqualTo(19.0);
            assertThat(area.get("east").asDouble()).isEqualTo(29.5);
            assertThat(t.get("policed").toString()).isEqualTo("[\"EE\",\"LV\",\"LT\"]");

            Set<String> national = new HashSet<>(), zones = new HashSet<>();
            for (JsonNode f :
                    new ObjectMapper().readTree(get(port, "/api/airspace")).get("features")) {
                JsonNode p = f.get("properties");
                if (p.get("layer").asText().equals("national"))
                    national.add(p.get("iso").asText());
                if (p.get("layer").asText().equals("zone"))
                    zones.add(p.get("id").asText());
            }
            // airspace: default is every state of Europe and its neighbours (docs/AIRSPACE.md)
            assertThat(national).contains("EE", "LV", "LT", "FI", "SE", "PL", "RU", "NO", "IS", "BG", "RO");
            assertThat(zones).contains("CRC-BALTIC", "ADIZ-BALTIC").doesNotContain("ADIZ-BG-RO");

            // the FIR layer is the theatre's: the Baltic FIRs, none of the Black Sea's
            Set<String> firs = new HashSet<>();
            for (JsonNode f :
                    new ObjectMapper().readTree(get(port, "/api/theatre/firs")).get("features")) {
                firs.add(f.get("properties").get("id").asText());
            }
            assertThat(firs)
                    .contains("EETT", "EVRR", "EYVL", "EFIN", "ESAA", "EPWW")
                    .doesNotContain("LRBB", "LBSR");

            // the console asks for the theatre and fits its view to the area
            String main = new String(
                    LiveServer.class
                            .getResourceAsStream("/vigil-console/main.js")
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(main).contains("api/theatre");
            // (the console's modules are bundled into main.js) its FIR layer is the theatre's
            assertThat(main).contains("api/theatre/firs").doesNotContain("black-sea-firs");
        }
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(60))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
