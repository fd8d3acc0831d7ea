package org.vigil.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private int start(Supplier<List<AircraftView>> aircraft, Duration push) {
        return start(aircraft, null, push);
    }

    private int start(Supplier<List<AircraftView>> aircraft, Supplier<? extends List<?>> plots, Duration push) {
        WebSettings settings = WebSettings.defaults()
                .withBindAddress("127.0.0.1")
                .withPort(0)
                .withPushInterval(push)
                .withVersion("test-1");
        server = new WebServer(
                settings,
                aircraft,
                () -> List.of(Map.of("name", "beast-1", "connected", true)),
                () -> Map.of("feeds_up", 1, "status", "must not override"));
        if (plots != null) {
            assertThat(server.plots(plots)).isSameAs(server);
        }
        return server.start();
    }

    private static List<JsonNode> ofType(List<String> messages, String type) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String m : messages) {
            JsonNode n = JSON.readTree(m);
            if (n.get("type").asText().equals(type)) {
                out.add(n);
            }
        }
        return out;
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void portZeroBindsARandomPortAndHealthReportsThePicture() throws Exception {
        int port = start(new MovingPicture(), Duration.ofSeconds(1));
        assertThat(port).isPositive();
        assertThat(server.port()).isEqualTo(port);

        HttpResponse<String> r = get(port, "/api/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).contains("json"));
        JsonNode h = JSON.readTree(r.body());
        assertThat(h.get("status").asText()).isEqualTo("ok");
        assertThat(h.get("version").asText()).isEqualTo("test-1");
        assertThat(h.get("aircraft").asInt()).isEqualTo(MovingPicture.TOTAL);
        assertThat(h.get("uptime_s").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(h.get("feeds_up").asInt()).isEqualTo(1);
        assertThat(h.get("console_bundled").asBoolean()).isTrue();
    }

    @Test
    void aircraftEndpointSendsSnakeCaseAndOmitsAbsentFields() throws Exception {
        int port = start(new MovingPicture(), Duration.ofSeconds(1));
        JsonNode list = JSON.readTree(get(port, "/api/aircraft").body());
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(MovingPicture.TOTAL);

        JsonNode ryr = list.get(0);
        assertThat(ryr.get("icao").asText()).isEqualTo("4CA2D1"); // normalised to upper case
        assertThat(ryr.get("callsign").asText()).isEqualTo("RYR4TB");
        assertThat(ryr.get("squawk").asText()).isEqualTo("2041");
        assertThat(ryr.get("altitude_ft").asInt()).isEqualTo(37000);
        assertThat(ryr.get("gnss_altitude_ft").asInt()).isEqualTo(37450);
        assertThat(ryr.get("vertical_rate_fpm").asInt()).isZero();
        assertThat(ryr.get("nac_p").asInt()).isEqualTo(9);
        assertThat(ryr.get("last_seen").asLong())
                .isBetween(System.currentTimeMillis() - 10_000, System.currentTimeMillis());
        assertThat(ryr.get("trail").toString()).isEqualTo("[[31.6,43.6,37000],[31.7,43.6,37000]]");

        JsonNode noPosition = list.get(4);
        assertThat(noPosition.get("icao").asText()).isEqualTo("400F01");
        assertThat(noPosition.has("lat")).isFalse();
        assertThat(noPosition.has("lon")).isFalse();
        assertThat(noPosition.has("trail")).isFalse();
        assertThat(noPosition.has("emergency")).isFalse();
        assertThat(noPosition.has("groundspeed_kt")).isFalse();
    }

    @Test
    void plotsEndpointSendsSnakeCaseAndOmitsAbsentFields() throws Exception {
        int port = start(new MovingPicture(), new FixedPlots(), Duration.ofSeconds(1));
        HttpResponse<String> r = get(port, "/api/plots");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).contains("json"));
        JsonNode list = JSON.readTree(r.body());
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(FixedPlots.COUNT);

        JsonNode combined = list.get(0);
        assertThat(combined.get("type").asText()).isEqualTo("combined");
        assertThat(combined.get("radar").asText()).isEqualTo("12/34");
        assertThat(combined.get("lat").asDouble()).isEqualTo(43.25);
        assertThat(combined.get("lon").asDouble()).isEqualTo(32.60);
        assertThat(combined.get("altitude_ft").asInt()).isEqualTo(37000);
        assertThat(combined.get("time").asLong()).isEqualTo(FixedPlots.NEWEST);
        assertThat(combined.get("mode3a").asText()).isEqualTo("2041");
        assertThat(combined.get("altitude_assumed").asBoolean()).isFalse();
        assertThat(combined.has("altitudeFt")).isFalse();
        assertThat(combined.has("icao")).isFalse(); // absent is left out, never null or ""
        assertThat(combined.has("callsign")).isFalse();

        JsonNode modeS = list.get(3);
        assertThat(modeS.get("icao").asText()).isEqualTo("4CA2D1");
        assertThat(modeS.get("callsign").asText()).isEqualTo("RYR4TB");
        JsonNode assumed = list.get(4);
        assertThat(assumed.has("altitude_ft")).isFalse();
        assertThat(assumed.get("altitude_assumed").asBoolean()).isTrue();

        // The aircraft API keeps its own names: the plot mapper must not leak into it.
        assertThat(JSON.readTree(get(port, "/api/aircraft").body()).get(0).has("altitude_ft"))
                .isTrue();
    }

    @Test
    void plotsEndpointIsAnEmptyArrayWithoutAPlotsSupplier() throws Exception {
        int port = start(new MovingPicture(), Duration.ofSeconds(1));
        HttpResponse<String> r = get(port, "/api/plots");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[]");
    }

    @Test
    void websocketPushesPlotsAlongsideTheAircraftAtTheInterval() throws Exception {
        int port = start(new MovingPicture(), new FixedPlots(), Duration.ofMillis(200));
        Collector c = new Collector();
        WebSocket ws = connect(port, c);
        c.awaitAtLeast(8, Duration.ofSeconds(5));
        ws.abort();

        List<JsonNode> plots = ofType(c.messages, "plots");
        List<JsonNode> aircraft = ofType(c.messages, "aircraft");
        // Both kinds every push (plus the pair on connect); at most one of each may be in flight at the end.
        assertThat(plots).hasSizeGreaterThanOrEqualTo(3);
        assertThat(Math.abs(plots.size() - aircraft.size())).isLessThanOrEqualTo(1);
        assertThat(JSON.readTree(c.messages.get(0)).get("type").asText()).isEqualTo("aircraft");
        assertThat(JSON.readTree(c.messages.get(1)).get("type").asText()).isEqualTo("plots");

        JsonNode first = plots.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("type", "time", "plots");
        assertThat(first.get("time").asLong())
                .isBetween(System.currentTimeMillis() - 10_000, System.currentTimeMillis());
        assertThat(first.get("plots")).hasSize(FixedPlots.COUNT);
        assertThat(first.get("plots").get(3).get("altitude_ft").asInt()).isEqualTo(37000);
        assertThat(first.get("plots").get(4).get("altitude_assumed").asBoolean())
                .isTrue();
    }

    @Test
    void websocketSendsNoPlotsWithoutAPlotsSupplier() throws Exception {
        int port = start(new MovingPicture(), Duration.ofMillis(100));
        Collector c = new Collector();
        WebSocket ws = connect(port, c);
        c.awaitAtLeast(4, Duration.ofSeconds(5));
        ws.abort();
        assertThat(ofType(c.messages, "plots")).isEmpty();
        assertThat(ofType(c.messages, "aircraft")).hasSameSizeAs(c.messages);
    }

    @Test
    void aThrowingPlotsSupplierCostsThePlotsNotTheAircraft() throws Exception {
        int port = start(
                new MovingPicture(),
                () -> {
                    throw new IllegalStateException("radar picture not ready");
                },
                Duration.ofMillis(100));
        Collector c = new Collector();
        WebSocket ws = connect(port, c);
        c.awaitAtLeast(4, Duration.ofSeconds(5));
        ws.abort();
        assertThat(ofType(c.messages, "aircraft")).hasSameSizeAs(c.messages);
        assertThat(server.pushFailures()).isPositive();
        assertThat(get(port, "/api/plots").statusCode()).isEqualTo(500);
    }

    @Test
    void plotsSupplierCannotBeSetAfterStart() throws Exception {
        start(new MovingPicture(), Duration.ofSeconds(1));
        assertThatThrownBy(() -> server.plots(new FixedPlots())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void feedsAreSerialisedAsGiven() throws Exception {
        int port = start(new MovingPicture(), Duration.ofSeconds(1));
        JsonNode feeds = JSON.readTree(get(port, "/api/feeds").body());
        assertThat(feeds.toString()).contains("\"name\":\"beast-1\"").contains("\"connected\":true");
    }

    @Test
    void servesTheBundledConsoleAndItsBasemap() throws Exception {
        assertThat(WebServer.consoleBundled())
                .as("vigil-console must be built (it is in the reactor: -pl console,server -am)")
                .isTrue();
        int port = start(new MovingPicture(), Duration.ofSeconds(1));
        HttpResponse<String> index = get(port, "/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<title>Vigil console</title>").contains("main.js");
        assertThat(get(port, "/main.js").statusCode()).isEqualTo(200);
        HttpResponse<String> geo = get(port, "/data/europe-countries-crimea-ukr.geojson");
        assertThat(geo.statusCode()).isEqualTo(200);
        assertThat(geo.body()).contains("\"FeatureCollection\"").contains("Ukraine");
        assertThat(get(port, "/no-such-file.js").statusCode()).isEqualTo(404);
    }

    @Test
    void websocketPushesThePictureToEveryClientAtTheInterval() throws Exception {
        int port = start(new MovingPicture(), Duration.ofMillis(200));
        Collector a = new Collector();
        Collector b = new Collector();
        WebSocket wa = connect(port, a);
        WebSocket wb = connect(port, b);
        a.awaitAtLeast(4, Duration.ofSeconds(5));
        b.awaitAtLeast(4, Duration.ofSeconds(5));
        assertThat(server.clientCount()).isEqualTo(2);

        JsonNode first = JSON.readTree(a.messages.get(0));
        assertThat(first.get("type").asText()).isEqualTo("aircraft");
        assertThat(first.get("time").asLong()).isPositive();
        assertThat(first.get("aircraft")).hasSize(MovingPicture.TOTAL);
        // Positions move between pictures: the console must see the same thing the supplier says.
        double lon0 = first.get("aircraft").get(0).get("lon").asDouble();
        double lon3 = JSON.readTree(a.messages.get(3))
                .get("aircraft")
                .get(0)
                .get("lon")
                .asDouble();
        assertThat(lon3).isGreaterThan(lon0);

        wa.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.clientCount() != 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.clientCount()).isEqualTo(1);
        int before = b.messages.size();
        b.awaitAtLeast(before + 2, Duration.ofSeconds(5));
        wb.abort();
    }

    @Test
    void aThrowingSupplierCostsOnePushNotTheSchedule() throws Exception {
        MovingPicture picture = new MovingPicture();
        AtomicInteger calls = new AtomicInteger();
        int port = start(
                () -> {
                    if (calls.incrementAndGet() % 2 == 0) {
                        throw new IllegalStateException("picture not ready");
                    }
                    return picture.get();
                },
                Duration.ofMillis(100));
        Collector c = new Collector();
        WebSocket ws = connect(port, c);
        c.awaitAtLeast(4, Duration.ofSeconds(5));
        assertThat(server.pushFailures()).isPositive();
        ws.abort();
    }

    @Test
    void healthAnswersDegradedWhenThePictureCannotBeHad() throws Exception {
        int port = start(
                () -> {
                    throw new IllegalStateException("tracker down");
                },
                Duration.ofSeconds(1));
        HttpResponse<String> r = get(port, "/api/health");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode h = JSON.readTree(r.body());
        assertThat(h.get("status").asText()).startsWith("degraded");
        assertThat(h.get("aircraft").asInt()).isEqualTo(-1);
    }

    @Test
    void stopClosesTheListenerAndIsIdempotent() throws Exception {
        int port = start(new MovingPicture(), Duration.ofSeconds(1));
        server.stop();
        server.stop();
        assertThatThrownBy(() -> get(port, "/api/health")).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> server.port()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void settingsRejectPushesSlowerThanOneSecond() {
        assertThatThrownBy(() -> WebSettings.defaults().withPushInterval(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WebSettings.defaults().bindAddress()).isEqualTo("0.0.0.0");
    }

    /** One radar (200 NM) at 44 N 28 E and one receiver (150 NM) at 45 N 29 E; also the console's browser test's. */
    static Sites sampleSites(Sites sites) {
        return sites.set(
                List.of(new org.vigil.core.sim.RadarSpec(
                        "R1",
                        1,
                        2,
                        44.0,
                        28.0,
                        100,
                        200,
                        10,
                        0.9,
                        50,
                        0.1,
                        true,
                        org.vigil.core.sim.RadarSpec.Secondary.MODE_S,
                        0)),
                List.of(new org.vigil.core.sim.ReceiverSpec("RX1", 45.0, 29.0, 50, 150, 0)));
    }

    @Test
    void sitesHistoryAndBriefFlightPlansForTheConsole() throws Exception {
        WebSettings settings =
                WebSettings.defaults().withBindAddress("127.0.0.1").withPort(0).withVersion("test-1");
        server = new WebServer(settings, List::of, List::of, () -> null)
                .flightPlans(() -> List.of(Map.of(
                        "callsign",
                        "RYR4TB",
                        "icao",
                        "4CA2D1",
                        "type",
                        "B738",
                        "registration",
                        "EIDCL",
                        "route",
                        "DCT ABC DCT")));
        TrackHistory history = new TrackHistory();
        history.accept(new org.vigil.core.event.IdentEvent.Started(1_650_445_200_000_000_000L, 7, "pending"));
        server.trackHistory(history);
        sampleSites(server.sites());
        int port = server.start();

        JsonNode sites = JSON.readTree(get(port, "/api/sites").body());
        assertThat(sites).hasSize(2);
        assertThat(sites.get(0).get("kind").asText()).isEqualTo("radar");
        assertThat(sites.get(0).get("range_nm").asDouble()).isEqualTo(200);
        assertThat(sites.get(1).get("kind").asText()).isEqualTo("receiver");
        assertThat(sites.get(1).get("lat").asDouble()).isEqualTo(45.0);

        JsonNode h = JSON.readTree(get(port, "/api/tracks/7/history").body());
        assertThat(h).hasSize(1);
        assertThat(h.get(0).get("type").asText()).isEqualTo("identification-started");
        assertThat(get(port, "/api/tracks/8/history").body()).isEqualTo("[]");
        assertThat(get(port, "/api/tracks/x/history").statusCode()).isEqualTo(400);

        JsonNode brief =
                JSON.readTree(get(port, "/api/flightplans?fields=brief").body());
        assertThat(brief.get(0).get("registration").asText()).isEqualTo("EIDCL");
        assertThat(brief.get(0).has("route")).as("no routes in the brief list").isFalse();
        assertThat(JSON.readTree(get(port, "/api/flightplans").body()).get(0).has("route"))
                .isTrue();
    }

    @Test
    void aConsolesFirstPictureCarriesEveryAircraftInItsViewBeyondTheRowCap() throws Exception {
        int n = WebServer.DELTA_MAX_ROWS + 500;
        List<AircraftView> many = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++)
            many.add(AircraftView.builder(String.format(java.util.Locale.ROOT, "%06X", 0x300000 + i))
                    .position(40 + i * 1e-3, 20)
                    .altitudeFt(30000)
                    .lastSeen(System.currentTimeMillis())
                    .build());
        int port = start(() -> many, Duration.ofSeconds(1));
        Collector c = new Collector();
        WebSocket ws = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?v=2"), c)
                .get(5, TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"view\",\"bbox\":[-180,-90,180,90],\"res\":1000,\"filter\":\"\"}", true)
                .get(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ofType(c.messages, "delta").isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
        List<JsonNode> deltas = ofType(c.messages, "delta");
        assertThat(deltas).as("a first picture").isNotEmpty();
        assertThat(deltas.get(0).get("full").asBoolean()).isTrue();
        assertThat(deltas.get(0).get("u"))
                .as("the whole view in the first picture")
                .hasSize(n);
        ws.abort();
    }

    private WebSocket connect(int port, Collector c) throws Exception {
        return http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), c)
                .get(5, TimeUnit.SECONDS);
    }

    /** Collects whole text messages. */
    private static final class Collector implements WebSocket.Listener {
        final List<String> messages = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return CompletableFuture.completedFuture(null);
        }

        void awaitAtLeast(int n, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (messages.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(messages).as("WebSocket pictures received").hasSizeGreaterThanOrEqualTo(n);
        }
    }
}
