package org.vigil.core.ident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.core.ident.IdentFixture.at;
import static org.vigil.core.ident.IdentFixture.civil;
import static org.vigil.core.ident.IdentFixture.fly;
import static org.vigil.core.ident.IdentFixture.primary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.ident.IdentFixture.FakeAirspace;
import org.vigil.core.ident.IdentFixture.FakePlans;

/** Same input, same events, byte for byte; every line is a JSON object with the docs/EVENTS.md envelope. */
class IdentDeterminismTest {
    /** A scripted 10-minute picture: airliners, a hijack, a spoof, a primary-only intruder, operator actions. */
    private static String run() {
        StringBuilder out = new StringBuilder();
        FakePlans plans = new FakePlans()
                .add("ROT263", false, 4521)
                .add("THY1TK", false, 3362)
                .add("WZZ4375", false, 2217);
        IdentificationEngine engine =
                new IdentificationEngine(IdentRules.defaults(), plans, new FakeAirspace(), new EventLines(out));
        List<TrackFacts> tracks = new ArrayList<>();
        tracks.add(civil(1, "ROT263", 0x4A8263, 4521, 0));
        tracks.add(civil(2, "THY1TK", 0x4BA9C1, 3362, 0));
        tracks.add(civil(3, "WZZ4375", 0x471F75, 2217, 0));
        tracks.add(civil(4, "LZDBS", 0x450A11, 7000, 0));
        tracks.add(primary(5, 43.0, 28.9, 270, 330, 0));
        for (int s = 0; s <= 600; s++) {
            for (TrackFacts f : tracks) {
                if (s > 0) fly(f, s - 1, s);
                else f.timeNanos = at(0);
                if (f.trackNumber == 2 && s == 120) f.squawk = 7700;
                if (f.trackNumber == 3) {
                    f.adsbRadarDisagreement = s >= 60 && s < 400;
                    f.disagreementNm = f.adsbRadarDisagreement ? 20 : Double.NaN;
                }
                engine.update(f);
            }
            if (s == 100) engine.radioContactLost(1, true, "ctl-west", at(s + 0.5));
            if (s == 130) engine.acknowledge(engine.openAlerts().get(0).id, "sdo-anna", at(s + 0.5));
            // acknowledged, the spoof alert stays open when its cause clears (alert-updated)
            if (s == 150)
                engine.acknowledge(engine.track(3).alert(Cause.ADSB_RADAR_MISMATCH).id, "sdo-anna", at(s + 0.5));
            if (s == 200)
                engine.overrideIdentity(
                        5, Identity.HOSTILE, "sdo-anna", "declared by the national authority", at(s + 0.5));
            if (s == 300) engine.resolve(engine.openAlerts().get(0).id, "sdo-bob", "escorted", at(s + 0.5));
            if (s == 500) engine.trackDeleted(4, at(s + 0.5));
        }
        return out.toString();
    }

    @Test
    void sameInputGivesTheSameEvents() {
        String a = run();
        String b = run();
        assertThat(a).isEqualTo(b);
        assertThat(a.lines().count()).isGreaterThan(20);
    }

    @Test
    void everyLineHasTheEnvelopeAndTimeNeverGoesBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Instant last = Instant.MIN;
        List<String> types = new ArrayList<>();
        for (String line : run().lines().toList()) {
            JsonNode n = json.readTree(line);
            assertThat(n.isObject()).isTrue();
            assertThat(n.fieldNames().next()).isEqualTo("time");
            Instant t = Instant.parse(n.get("time").asText());
            assertThat(t).isAfterOrEqualTo(last);
            last = t;
            assertThat(n.get("type").isTextual()).isTrue();
            assertThat(n.get("track").isInt()).isTrue();
            types.add(n.get("type").asText());
            if (n.get("type").asText().startsWith("alert-")) {
                assertThat(n.get("alert").isNumber()).isTrue();
                assertThat(n.get("rule").isTextual()).isTrue();
                assertThat(n.get("priority").isInt()).isTrue();
            }
            if (n.get("type").asText().equals("identity-changed")) {
                assertThat(n.get("rules").isArray()).isTrue();
                assertThat(n.get("evidence").isArray()).isTrue();
                assertThat(n.get("by").isTextual()).isTrue();
            }
        }
        assertThat(types)
                .contains(
                        "identification-started",
                        "rule-fired",
                        "rule-cleared",
                        "identity-changed",
                        "alert-raised",
                        "alert-updated",
                        "alert-acknowledged",
                        "alert-resolved",
                        "override-set",
                        "operator-input",
                        "identification-ended");
    }
}
