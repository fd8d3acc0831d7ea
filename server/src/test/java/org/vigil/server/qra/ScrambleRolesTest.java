package org.vigil.server.qra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.core.qra.scramble.Fighters;
import org.vigil.core.qra.scramble.ScrambleConfig;
import org.vigil.core.qra.scramble.ScrambleService;
import org.vigil.server.auth.AuditEntry;
import org.vigil.server.auth.Role;
import org.vigil.server.theatre.TestTheatres;

/**
 * Issue #8 roles: an operator proposes but cannot order a scramble; a supervisor orders; an
 * observer can only look. Both actions are in the audit trail with who, role and data time, and in
 * the events with the user.
 */
class ScrambleRolesTest {
    static final long T0 = Instant.parse("2022-04-20T09:05:00Z").toEpochMilli() * 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void operatorProposesSupervisorOrdersAndBothAreAudited() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        ScrambleService service = new ScrambleService(
                TestTheatres.posture("black-sea-2022"),
                ScrambleConfig.defaults(),
                Fighters.NONE,
                e -> events.add(org.vigil.core.event.EventCodec.encode(e)));
        service.onAlert(7, 42, "no-transponder", 3, T0);
        service.onTrackUpdate(42, T0, 43.4, 30.0, 24_000, 300, 245, -1, 0);
        try (QraApiFixture f = new QraApiFixture(dir, service)) {
            f.addUser("olga", Role.OPERATOR, "olga-passphrase-1");
            f.addUser("sam", Role.SUPERVISOR, "sam-passphrase-12");
            f.addUser("obi", Role.OBSERVER, "obi-passphrase-12");
            String olga = f.login("olga", "olga-passphrase-1");
            String sam = f.login("sam", "sam-passphrase-12");
            String obi = f.login("obi", "obi-passphrase-12");

            assertThat(f.send("GET", "/api/qra/recommendation?alert=7", obi, null)
                            .body())
                    .contains("\"rank\":1", "NL-F35-LBPG", "DE-EUFI-LRCK");
            assertThat(f.send("POST", "/api/scrambles", obi, "{\"alert\":7,\"track\":42,\"unit\":\"NL-F35-LBPG\"}")
                            .statusCode())
                    .as("an observer cannot propose")
                    .isEqualTo(403);
            var proposed =
                    f.send("POST", "/api/scrambles", olga, "{\"alert\":7,\"track\":42,\"unit\":\"NL-F35-LBPG\"}");
            assertThat(proposed.statusCode()).isEqualTo(200);
            assertThat(proposed.body()).contains("\"id\":\"S-1\"");

            assertThat(f.send("POST", "/api/scrambles/S-1/order", olga, null).statusCode())
                    .as("an operator cannot order a scramble")
                    .isEqualTo(403);
            assertThat(service.view("S-1").get("phase")).isEqualTo("proposed");

            var ordered = f.send("POST", "/api/scrambles/S-1/order", sam, null);
            assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(200);
            assertThat(service.view("S-1").get("phase")).isEqualTo("ordered");
            assertThat(f.send("POST", "/api/scrambles/S-1/order", sam, null).statusCode())
                    .as("ordered twice")
                    .isEqualTo(409);
            assertThat(f.send("GET", "/api/qra/units", obi, null).body())
                    .as("the ordered unit's aircraft are committed")
                    .contains("\"id\":\"NL-F35-LBPG\"", "\"count\":0");

            List<AuditEntry> trail = f.security.auditTrail().entries(0, 1000);
            assertThat(trail)
                    .extracting(
                            e -> e.action() + " " + e.user() + " " + e.role() + " " + e.target() + " " + e.outcome())
                    .contains(
                            "scramble.propose olga operator S-1 SUCCESS",
                            "access.denied olga operator POST /api/scrambles/{id}/order DENIED",
                            "scramble.order sam supervisor S-1 SUCCESS");
            AuditEntry order = trail.stream()
                    .filter(e -> e.action().equals("scramble.order"))
                    .findFirst()
                    .orElseThrow();
            assertThat(order.dataTimeNanos())
                    .as("stamped with the picture's time")
                    .isEqualTo(T0);
            assertThat(order.detail()).contains("Alpha scramble NL-F35-LBPG against track 42");
            assertThat(f.security.auditTrail().verify()).isZero();
        }
        assertThat(events)
                .anySatisfy(e -> assertThat(e)
                        .startsWith(
                                "{\"time\":\"2022-04-20T09:05:00.000Z\",\"type\":\"scramble.proposed\",\"schema\":2,\"track\":42")
                        .contains("\"user\":\"olga\""));
        assertThat(events)
                .anySatisfy(e -> assertThat(e)
                        .contains(
                                "\"type\":\"scramble.ordered\"",
                                "\"user\":\"sam\"",
                                "\"proposedBy\":\"olga\"",
                                "\"category\":\"ALPHA\""));
        assertThat(events)
                .noneSatisfy(e -> assertThat(e).contains("\"type\":\"scramble.ordered\"", "\"user\":\"olga\""));
    }

    @Test
    void postureChangesNeedASupervisorAndAreAudited() throws Exception {
        ScrambleService service = new ScrambleService(
                TestTheatres.posture("black-sea-2022"), ScrambleConfig.defaults(), Fighters.NONE, null);
        service.onTrackUpdate(1, T0, 43.4, 30.0, 24_000, 300, 245, -1, 0);
        try (QraApiFixture f = new QraApiFixture(dir, service)) {
            f.addUser("olga", Role.OPERATOR, "olga-passphrase-1");
            f.addUser("sam", Role.SUPERVISOR, "sam-passphrase-12");
            String olga = f.login("olga", "olga-passphrase-1");
            String sam = f.login("sam", "sam-passphrase-12");
            String body = "{\"readiness\":\"QRA-5\"}";
            assertThat(f.send("PUT", "/api/qra/detachments/RO-F16-LRFT/readiness", olga, body)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(f.send("PUT", "/api/qra/detachments/RO-F16-LRFT/readiness", sam, body)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(service.postureCopy()
                            .detachment("RO-F16-LRFT")
                            .readiness()
                            .label())
                    .isEqualTo("QRA-5");
            assertThat(f.send("DELETE", "/api/qra/detachments/NOPE", sam, null).statusCode())
                    .isEqualTo(404);
            assertThat(f.send("GET", "/api/qra/posture", olga, null).body())
                    .contains("\"icao\":\"LBPG\"", "RO-F16-LRFT");
            assertThat(f.security.auditTrail().entries(0, 1000))
                    .extracting(e -> e.action() + " " + e.user() + " " + e.target())
                    .contains("qra.posture.readiness sam RO-F16-LRFT");
        }
    }
}
