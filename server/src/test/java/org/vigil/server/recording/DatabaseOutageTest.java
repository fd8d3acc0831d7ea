package org.vigil.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.server.cli.Theatres;
import org.vigil.server.live.LiveServer;

/**
 * A PostgreSQL outage under load (issue 15, item 3), against a real server of the test's own
 * ({@link PostgresServer}, stopped and started again mid-run): machine events are recorded at a
 * steady rate and operator actions go through the one write path ({@link OperatorActionLog}) the
 * whole time, with a live server on the recorder. While the database is down health says
 * {@code degraded} with the reason and actions are refused (503 with the reason, also through the API); waiting events stay bounded in memory (the rest spill to
 * the local file); once the server is back the store reconnects by itself and catches up. Then no
 * event and no acknowledged action is lost and none is stored twice.
 */
class DatabaseOutageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode health(HttpClient http, int port) throws Exception {
        return JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    @Test
    @Timeout(240)
    void anOutageLosesNothingDoublesNothingAndStaysBounded() throws Exception {
        PostgresServer pg = PostgresServer.startPrivate();
        String url = pg.newDatabase();
        RecorderConfig cfg = RecorderConfig.shared(dir, url, "vigil", "");
        List<String> acknowledged = new ArrayList<>();
        long refusedWhileDown, events;
        String reasonSeen;
        HttpClient http = HttpClient.newHttpClient();
        try (Recorder rec = Recorder.open(cfg);
                LiveServer server = new LiveServer(
                        Theatres.builtIn("black-sea-2022"), "127.0.0.1", 0, null, new RecordingTap(rec))) {
            int port = server.start();
            assertThat(health(http, port).path("status").asText()).isEqualTo("ok");
            OperatorActionLog log = OperatorActionLog.of(rec);
            AtomicBoolean run = new AtomicBoolean(true);
            AtomicLong recorded = new AtomicLong();
            // the picture's thread: 10,000 machine events a second, each with its own number
            Thread feed = new Thread(() -> {
                long i = 0;
                long t0 = System.nanoTime();
                while (run.get()) {
                    rec.recordEvent("test-event", i, null, "{\"i\":" + i + "}");
                    recorded.set(++i);
                    long due = t0 + i * 100_000L;
                    while (System.nanoTime() < due) Thread.onSpinWait();
                }
            });
            feed.start();
            Actor op = new Actor("alice", "operator", "127.0.0.1");
            long refused = 0;
            String reason = null;
            for (int phase = 0; phase < 3; phase++) {
                if (phase == 1) pg.stopServer();
                if (phase == 2) pg.startServer();
                long until = System.nanoTime() + (phase == 1 ? 6_000_000_000L : 3_000_000_000L);
                while (System.nanoTime() < until || (phase == 2 && rec.operatorActionsRefused() != null)) {
                    String why = log.refused();
                    if (why != null) {
                        refused++;
                        if (phase == 1) reason = why;
                    } else {
                        OperatorActionLog.Entry e =
                                log.enter("alert-acknowledge", 1, null, OperatorActionLog.arguments(), op);
                        assertThat(e).isNotNull();
                        log.commit(e); // durable (journal synced) even if the database failed meanwhile
                        acknowledged.add(JSON.readTree(e.command()).path("ref").asText());
                    }
                    Thread.sleep(20);
                    if (phase == 2 && System.nanoTime() > until + 60_000_000_000L) break;
                }
                if (phase == 1) {
                    assertThat(rec.operatorActionsRefused())
                            .as("unavailable while the server is down")
                            .isNotNull();
                    JsonNode h = health(http, port);
                    assertThat(h.path("status").asText()).as(h.toString()).isEqualTo("degraded");
                    assertThat(h.path("degraded").toString())
                            .contains("event store unavailable")
                            .doesNotContain("INSERT");
                    HttpResponse<String> refusedAction = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts/1/acknowledge"))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(refusedAction.statusCode())
                            .as("an action while down")
                            .isEqualTo(503);
                    assertThat(refusedAction.body()).contains("event store unavailable", "action not taken");
                    assertThat(rec.events().stats().spilled())
                            .as("beyond the memory limit, waiting events spill to the local file")
                            .isPositive();
                }
            }
            assertThat(rec.operatorActionsRefused())
                    .as("available again by itself")
                    .isNull();
            run.set(false);
            feed.join();
            rec.sync();
            events = recorded.get();
            refusedWhileDown = refused;
            reasonSeen = reason;
            EventStoreStats st = rec.events().stats();
            assertThat(st.peakWaitingInMemory())
                    .as("memory bounded during the outage")
                    .isLessThanOrEqualTo(Recorder.MEMORY_LIMIT);
            assertThat(st.reconnects()).isPositive();
            assertThat(st.spilled()).isZero();
            assertThat(st.waiting()).isZero();

            // everything is stored once, in order, numbered 1..N
            long n = 0, machine = 0;
            Set<Long> seen = new HashSet<>();
            Map<String, Integer> rows = new HashMap<>();
            long after = 0;
            while (true) {
                List<StoredEvent> page = rec.events().query(EventQuery.all().after(after));
                for (StoredEvent e : page) {
                    assertThat(e.seq()).as("no gap, no duplicate").isEqualTo(++n);
                    if (e.actor() == null) {
                        machine++;
                        assertThat(seen.add(
                                        JSON.readTree(e.payloadJson()).path("i").asLong()))
                                .as("machine event stored once")
                                .isTrue();
                    } else {
                        rows.merge(JSON.readTree(e.payloadJson()).path("ref").asText(), 1, Integer::sum);
                    }
                }
                if (page.size() < EventQuery.DEFAULT_LIMIT) break;
                after = page.get(page.size() - 1).seq();
            }
            assertThat(machine).as("no machine event lost").isEqualTo(events);
            assertThat(rows.keySet()).as("every acknowledged action stored").containsAll(acknowledged);
            assertThat(rows.values()).as("none twice").containsOnly(1);
            System.out.printf(
                    "outage: %,d events, %,d actions answered, %d refused while down, peak %,d waiting in memory,"
                            + " %,d spilled, %d reconnects%n",
                    events, acknowledged.size(), refused, st.peakWaitingInMemory(), st.spilledTotal(), st.reconnects());
        }
        assertThat(refusedWhileDown)
                .as("actions refused while the database was down")
                .isPositive();
        assertThat(reasonSeen).contains("event store unavailable").contains("action not taken");
        assertThat(events).as("events recorded across the outage").isGreaterThan(100_000);
    }
}
