package org.vigil.server.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.vigil.server.cli.Theatres;
import org.vigil.server.live.LiveServer;
import org.vigil.server.sim.LiveSimulation;
import org.vigil.server.sim.ScenarioLoader;

/**
 * The output tests' picture: {@code vigil demo}'s live server with the black-sea-2022 scenario
 * advanced by hand (as DemoPipelineTest does), so the outputs read a real fused picture.
 */
public final class DemoFixture {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoFixture() {}

    /** The scenario on {@code server} (not yet started): the caller starts the server, then advances. */
    public static LiveSimulation scenario(LiveServer server) throws Exception {
        return server.addInput(new LiveSimulation(server, ScenarioLoader.load("black-sea-2022"), 1, false));
    }

    /** A server of the demo's theatre on the loopback, any port. */
    public static LiveServer server() {
        return new LiveServer(Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0);
    }

    public static String get(int port, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
        return r.body();
    }

    public static JsonNode getJson(int port, String path) throws Exception {
        return new ObjectMapper().readTree(get(port, path));
    }
}
