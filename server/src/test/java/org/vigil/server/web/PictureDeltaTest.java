package org.vigil.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PictureDeltaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T0 = 1_700_000_000_000L;

    private static AircraftView ac(String icao, double lat, double lon, int alt, long seen) {
        return AircraftView.builder(icao)
                .callsign("T" + icao)
                .position(lat, lon)
                .altitudeFt(alt)
                .groundspeedKt(450.0)
                .trackDeg(90.0)
                .messages(10)
                .lastSeen(seen)
                .build();
    }

    private static JsonNode parse(String s) throws Exception {
        assertThat(s).isNotNull();
        return JSON.readTree(s);
    }

    private static List<String> icaos(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.isArray() ? r.get(0).asText() : r.asText()));
        return out;
    }

    @Test
    void firstMessageIsFullThenOnlyWhatChangedVisiblyIsSent() throws Exception {
        PictureDelta d = new PictureDelta(1000, 100);
        List<AircraftView> p0 = List.of(ac("4CA2D1", 43.6, 31.8, 37000, T0), ac("3C6586", 43.0, 33.0, 12000, T0));
        JsonNode m0 = parse(d.next(p0, T0, 0));
        assertThat(m0.get("type").asText()).isEqualTo("delta");
        assertThat(m0.get("full").asBoolean()).isTrue();
        assertThat(m0.get("n").asInt()).isEqualTo(2);
        assertThat(icaos(m0.get("u"))).containsExactlyInAnyOrder("4CA2D1", "3C6586");
        // compact row: icao, lat, lon, alt, gs, trk, vr (absent: null), callsign
        JsonNode row = m0.get("u").get(0);
        assertThat(row.get(1).asDouble()).isEqualTo(43.6);
        assertThat(row.get(3).asInt()).isEqualTo(37000);
        assertThat(row.get(6).isNull()).isTrue();
        assertThat(m0.get("r")).isEmpty();

        // one moves 0.1 degree (far more than a pixel at 1 m/px), the other only ages by 1 s
        List<AircraftView> p1 =
                List.of(ac("4CA2D1", 43.6, 31.9, 37000, T0 + 1000), ac("3C6586", 43.0, 33.0, 12000, T0 + 1000));
        JsonNode m1 = parse(d.next(p1, T0 + 1000, 1000));
        assertThat(m1.get("full").asBoolean()).isFalse();
        assertThat(icaos(m1.get("u"))).containsExactly("4CA2D1");
    }

    @Test
    void aMoveSmallerThanAPixelAtTheConsolesZoomIsNotSent() throws Exception {
        PictureDelta d = new PictureDelta(0, 100);
        d.view(new PictureDelta.View(-180, -90, 180, 90, 5_000, "")); // 5 km a pixel
        d.next(List.of(ac("4CA2D1", 43.6, 31.8, 37000, T0)), T0, 0);
        // 0.0005 degree is ~40 m: nothing to see at 5 km a pixel
        assertThat(d.next(List.of(ac("4CA2D1", 43.6, 31.8005, 37000, T0 + 1000)), T0 + 1000, 1000))
                .isNull();
        // 0.5 degree is ~40 km: it moved on screen
        JsonNode m = parse(d.next(List.of(ac("4CA2D1", 43.6, 32.3, 37000, T0 + 2000)), T0 + 2000, 2000));
        assertThat(icaos(m.get("u"))).containsExactly("4CA2D1");
    }

    @Test
    void aircraftThatLeaveThePictureTheViewOrTheFilterAreRemoved() throws Exception {
        PictureDelta d = new PictureDelta(0, 100);
        AircraftView a = ac("4CA2D1", 43.6, 31.8, 37000, T0);
        AircraftView b = ac("3C6586", 50.0, 10.0, 12000, T0);
        AircraftView c = ac("400F01", 44.0, 32.0, 39000, T0);
        parse(d.next(List.of(a, b, c), T0, 0));
        // c is gone from the picture
        assertThat(icaos(parse(d.next(List.of(a, b), T0, 1)).get("r"))).containsExactly("400F01");
        // the console now looks at the Black Sea only: b (Germany) leaves its view
        d.view(new PictureDelta.View(27, 40, 42, 47, 1000, ""));
        assertThat(icaos(parse(d.next(List.of(a, b), T0, 2)).get("r"))).containsExactly("3C6586");
        // a filter by callsign that only b would match: a leaves too, b stays out of view
        d.view(new PictureDelta.View(27, 40, 42, 47, 1000, "t3c"));
        JsonNode m = parse(d.next(List.of(a, b), T0, 3));
        assertThat(icaos(m.get("r"))).containsExactly("4CA2D1");
        assertThat(m.get("u")).isEmpty();
        assertThat(d.holding()).isZero();
        // widened again: b comes back as a new row
        d.view(new PictureDelta.View(-180, -90, 180, 90, 1000, ""));
        assertThat(icaos(parse(d.next(List.of(a, b), T0, 4)).get("u"))).containsExactlyInAnyOrder("4CA2D1", "3C6586");
    }

    @Test
    void rateIsBoundedByTheIntervalAndTheRowCap() throws Exception {
        PictureDelta d = new PictureDelta(1000, 3);
        List<AircraftView> p = new ArrayList<>();
        for (int i = 0; i < 7; i++) p.add(ac(String.format("%06X", 0x100000 + i), 40 + i, 30, 30000, T0));
        JsonNode m0 = parse(d.next(p, T0, 0));
        assertThat(m0.get("u")).hasSize(3); // the cap
        assertThat(d.next(p, T0, 500)).as("too soon").isNull();
        JsonNode m1 = parse(d.next(p, T0, 1000));
        JsonNode m2 = parse(d.next(p, T0, 2000));
        List<String> all = new ArrayList<>(icaos(m0.get("u")));
        all.addAll(icaos(m1.get("u")));
        all.addAll(icaos(m2.get("u")));
        assertThat(all).as("every aircraft once, in turn").hasSize(7).doesNotHaveDuplicates();
        // nothing changed since: only a heartbeat after HEARTBEAT_MS, with no rows
        assertThat(d.next(p, T0, 3000)).isNull();
        JsonNode beat = parse(d.next(p, T0, 2000 + PictureDelta.HEARTBEAT_MS));
        assertThat(beat.get("u")).isEmpty();
        assertThat(beat.get("r")).isEmpty();
    }

    @Test
    void theFirstPictureCarriesTheWholeViewAtOnceThenTheRowCapHolds() throws Exception {
        PictureDelta d = new PictureDelta(1000, 3, 100);
        List<AircraftView> p = new ArrayList<>();
        for (int i = 0; i < 7; i++) p.add(ac(String.format("%06X", 0x100000 + i), 40 + i, 30, 30000, T0));
        assertThat(d.awaitingFirst()).isTrue();
        JsonNode first = parse(d.next(p, T0, 0));
        assertThat(first.get("full").asBoolean()).isTrue();
        assertThat(first.get("u"))
                .as("every aircraft in view, not the cap of 3")
                .hasSize(7);
        assertThat(d.awaitingFirst()).isFalse();
        List<AircraftView> moved = new ArrayList<>();
        for (int i = 0; i < 7; i++) moved.add(ac(String.format("%06X", 0x100000 + i), 41 + i, 31, 31000, T0));
        assertThat(parse(d.next(moved, T0, 1000)).get("u"))
                .as("after the first picture, the cap")
                .hasSize(3);
        d.reset(); // a replay jump: the next one is a first picture again
        assertThat(d.awaitingFirst()).isTrue();
        assertThat(parse(d.next(moved, T0, 1500)).get("u")).hasSize(7);
    }

    @Test
    void unchangedAircraftAreRefreshedAndResetSendsAFullPicture() throws Exception {
        PictureDelta d = new PictureDelta(0, 100);
        List<AircraftView> p = List.of(ac("4CA2D1", 43.6, 31.8, 37000, T0));
        d.next(p, T0, 0);
        assertThat(d.next(p, T0, 1000)).isNull();
        assertThat(icaos(parse(d.next(p, T0, PictureDelta.REFRESH_MS)).get("u")))
                .containsExactly("4CA2D1");
        d.reset();
        JsonNode m = parse(d.next(p, T0, PictureDelta.REFRESH_MS + 1));
        assertThat(m.get("full").asBoolean()).isTrue();
        assertThat(icaos(m.get("u"))).containsExactly("4CA2D1");
    }

    @Test
    void aViewThatMakesNoSenseIsRefused() {
        assertThatThrownBy(() -> new PictureDelta.View(0, 50, 10, 40, 100, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PictureDelta.View(0, 40, 10, 50, 0, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
