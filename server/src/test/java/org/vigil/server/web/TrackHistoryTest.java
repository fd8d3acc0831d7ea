package org.vigil.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.event.IdentEvent;
import org.vigil.core.event.IdentEvent.AlertChange;
import org.vigil.core.event.OperatorEvent;

/** The details panel's per-track history: what it keeps of the event stream, per track, in order, bounded. */
class TrackHistoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T0 = 1_650_445_200_000_000_000L; // 2022-04-20T09:00:00Z in ns

    private static IdentEvent.AlertChanged alert(int track, long t, AlertChange change, String user) {
        return new IdentEvent.AlertChanged(
                t,
                change,
                track,
                3,
                "no-transponder",
                2,
                change == AlertChange.RAISED ? "raised" : "acknowledged",
                true,
                t,
                "suspect",
                user,
                null,
                null,
                "primary only",
                null,
                null,
                null);
    }

    /**
     * A track's identification from {@code t0} (ns): started; pending to suspect at +20 s with its alert
     * (#3, P2 no-transponder) raised; a value update (not history) at +30 s; acknowledged by sdo-anna at
     * +90.5 s; radio contact lost, reported by olga, at +140 s. Also used by the console's browser test.
     */
    static void lifecycle(TrackHistory h, int track, long t0) {
        h.accept(new IdentEvent.Started(t0, track, "pending"));
        h.accept(new IdentEvent.IdentityChanged(
                t0 + 20_000_000_000L,
                track,
                "pending",
                "suspect",
                "no-transponder",
                null,
                null,
                List.of("no-transponder"),
                List.of()));
        h.accept(alert(track, t0 + 20_000_000_000L, AlertChange.RAISED, null));
        h.accept(alert(track, t0 + 30_000_000_000L, AlertChange.UPDATED, null));
        h.accept(alert(track, t0 + 90_500_000_000L, AlertChange.ACKNOWLEDGED, "sdo-anna"));
        h.accept(new OperatorEvent.Input(t0 + 140_000_000_000L, track, "radio-contact-lost", true, null, "olga"));
    }

    private static List<String> types(String json) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(json)) out.add(n.get("type").asText());
        return out;
    }

    @Test
    void aTracksIdentificationLifecycleAlertsAndOperatorInputsInOrderWithTheirTimes() throws Exception {
        TrackHistory h = new TrackHistory();
        lifecycle(h, 5, T0);
        h.accept(new IdentEvent.Started(T0, 6, "pending")); // another track

        String json = h.json(5);
        assertThat(types(json))
                .containsExactly(
                        "identification-started",
                        "identity-changed",
                        "alert-raised",
                        "alert-acknowledged",
                        "operator-input");
        JsonNode events = JSON.readTree(json);
        assertThat(events.get(1).get("time").asText()).isEqualTo("2022-04-20T09:00:20.000Z");
        assertThat(events.get(1).get("to").asText()).isEqualTo("suspect");
        assertThat(events.get(3).get("user").asText()).isEqualTo("sdo-anna");
        assertThat(types(h.json(6))).containsExactly("identification-started");
        assertThat(h.json(99)).isEqualTo("[]");
    }

    @Test
    void onlyTheNewestEventsOfATrackAreKept() throws Exception {
        TrackHistory h = new TrackHistory();
        for (int i = 0; i < TrackHistory.PER_TRACK + 40; i++)
            h.accept(new IdentEvent.RuleCleared(T0 + i * 1_000_000_000L, 5, "rule-" + i, T0));
        JsonNode events = JSON.readTree(h.json(5));
        assertThat(events).hasSize(TrackHistory.PER_TRACK);
        assertThat(events.get(0).get("rule").asText()).isEqualTo("rule-40");
        assertThat(events.get(TrackHistory.PER_TRACK - 1).get("rule").asText())
                .isEqualTo("rule-" + (TrackHistory.PER_TRACK + 39));
    }
}
