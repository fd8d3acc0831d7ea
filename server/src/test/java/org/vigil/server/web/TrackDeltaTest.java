package org.vigil.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackDeltaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T0 = 1_700_000_000_000L;

    /** A system track as /api/tracks writes it (the fields the delta reads, and a trail). */
    private static ObjectNode track(int n, double lat, double lon, String identity, double coastingS) {
        ObjectNode t = JSON.createObjectNode();
        t.put("track_number", n);
        t.put("status", "confirmed");
        t.put("lat", lat);
        t.put("lon", lon);
        t.put("speed_kt", 420.0);
        t.put("track_deg", 90.0);
        if (identity != null) t.put("identity", identity);
        t.put("coasting_s", coastingS);
        t.put("age_s", 100 + coastingS);
        t.put("time_ms", T0 + (long) (coastingS * 1000));
        t.putArray("sensors").add("radar R1");
        t.putArray("trail").addArray().add(lon).add(lat);
        return t;
    }

    private static List<Integer> numbers(JsonNode rows) {
        List<Integer> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.isObject() ? r.get("track_number").asInt() : r.asInt()));
        return out;
    }

    private static JsonNode parse(String s) throws Exception {
        assertThat(s).isNotNull();
        return JSON.readTree(s);
    }

    @Test
    void firstFullThenOnlyVisibleChangesWithoutTrails() throws Exception {
        TrackDelta d = new TrackDelta(0, 100);
        PictureDelta.View all = PictureDelta.View.ALL;
        JsonNode m0 = parse(
                d.next(List.of(track(1, 43.6, 31.8, null, 0), track(2, 43.0, 33.0, "neutral", 0)), all, T0, 0, JSON));
        assertThat(m0.get("type").asText()).isEqualTo("track-delta");
        assertThat(m0.get("full").asBoolean()).isTrue();
        assertThat(numbers(m0.get("u"))).containsExactlyInAnyOrder(1, 2);
        assertThat(m0.get("u").get(0).has("trail")).as("trails on demand").isFalse();
        assertThat(m0.get("u").get(0).get("sensors").get(0).asText()).isEqualTo("radar R1");

        // 1 moves, 2 only ages (its time and age change, nothing the operator sees)
        JsonNode m1 = at(d, 1, track(1, 43.6, 31.9, null, 1), track(2, 43.0, 33.0, "neutral", 1));
        assertThat(m1.get("full").asBoolean()).isFalse();
        assertThat(numbers(m1.get("u"))).containsExactly(1);

        // 2's identity changes: sent; nothing else moved
        JsonNode m2 = at(d, 2, track(1, 43.6, 31.9, null, 2), track(2, 43.0, 33.0, "hostile", 2));
        assertThat(numbers(m2.get("u"))).containsExactly(2);
        assertThat(m2.get("u").get(0).get("identity").asText()).isEqualTo("hostile");

        // 2 coasts past the stale step: sent so the console fades it
        JsonNode m3 = at(d, 3, track(1, 43.6, 31.9, null, 3), track(2, 43.0, 33.0, "hostile", 12));
        assertThat(numbers(m3.get("u"))).containsExactly(2);
    }

    /** The message at second {@code s} (data and wall clock alike) for the whole world in view. */
    private static JsonNode at(TrackDelta d, long s, ObjectNode... tracks) throws Exception {
        return parse(d.next(List.of(tracks), PictureDelta.View.ALL, T0 + s * 1000, s * 1000, JSON));
    }

    @Test
    void tracksLeavingThePictureTheViewOrTheFilterAreRemovedAndTheRateIsBounded() throws Exception {
        TrackDelta d = new TrackDelta(1000, 1);
        PictureDelta.View black = new PictureDelta.View(27, 40, 42, 47, 1000, "");
        List<ObjectNode> both = List.of(track(1, 43.6, 31.8, null, 0), track(2, 43.0, 33.0, null, 0));
        // at most one row a message: the other comes next time
        JsonNode m0 = parse(d.next(both, black, T0, 0, JSON));
        assertThat(m0.get("u")).hasSize(1);
        assertThat(d.next(both, black, T0 + 500, 500, JSON)).as("rate bound").isNull();
        JsonNode m1 = parse(d.next(both, black, T0 + 1000, 1000, JSON));
        assertThat(m1.get("u")).hasSize(1);
        assertThat(d.holding()).isEqualTo(2);
        // the filter "T2" keeps track 2 only
        JsonNode m2 = parse(d.next(both, new PictureDelta.View(27, 40, 42, 47, 1000, "t2"), T0 + 2000, 2000, JSON));
        assertThat(numbers(m2.get("r"))).containsExactly(1);
        // out of the box
        JsonNode m3 = parse(d.next(both, new PictureDelta.View(0, 0, 10, 10, 1000, ""), T0 + 3000, 3000, JSON));
        assertThat(numbers(m3.get("r"))).containsExactly(2);
        // a reset (replay jump) makes the next one full
        d.reset();
        JsonNode m4 = parse(d.next(both, black, T0 + 4000, 4000, JSON));
        assertThat(m4.get("full").asBoolean()).isTrue();
    }
}
