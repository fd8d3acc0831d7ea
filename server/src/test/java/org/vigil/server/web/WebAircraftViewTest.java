package org.vigil.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AircraftView contract: what the console may rely on. */
class WebAircraftViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void icaoMustBeSixHexDigitsAndIsUpperCased() {
        assertThat(AircraftView.builder("abc123").build().icao()).isEqualTo("ABC123");
        assertThatThrownBy(() -> AircraftView.builder("ABC12").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AircraftView.builder("ABC12G").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AircraftView.builder(null).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void squawkMustBeFourOctalDigits() {
        assertThat(AircraftView.builder("ABC123").squawk("7700").build().emergencySquawk())
                .isTrue();
        assertThat(AircraftView.builder("ABC123").squawk("1200").build().emergencySquawk())
                .isFalse();
        assertThatThrownBy(() -> AircraftView.builder("ABC123").squawk("7800").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AircraftView.builder("ABC123").squawk("770").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nanMeansAbsentAndIsLeftOutOfTheJson() throws Exception {
        AircraftView v = AircraftView.builder("ABC123")
                .position(Double.NaN, Double.NaN)
                .groundspeedKt(Double.NaN)
                .trackDeg(Double.NaN)
                .callsign("   ")
                .build();
        assertThat(v.lat()).isNull();
        assertThat(v.callsign()).isNull();
        String json = JSON.writeValueAsString(v);
        assertThat(json).isEqualTo("{\"icao\":\"ABC123\",\"messages\":0,\"last_seen\":0}");
    }

    @Test
    void positionNeedsBothCoordinatesInRange() {
        assertThatThrownBy(() -> new AircraftView(
                        "ABC123", null, null, 43.0, null, null, null, null, null, null, null, null, null, null, null, 0,
                        0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AircraftView.builder("ABC123").position(91, 30).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trailIsCompactArraysWithNullForUnknownAltitudeAndIsACopy() throws Exception {
        List<TrailPoint> trail =
                new ArrayList<>(List.of(new TrailPoint(30.5, 44.25, null), new TrailPoint(30.6, 44.3, 1200)));
        AircraftView v = AircraftView.builder("ABC123").trail(trail).build();
        trail.clear();
        assertThat(v.trail()).hasSize(2);
        assertThat(JSON.writeValueAsString(v)).contains("\"trail\":[[30.5,44.25,null],[30.6,44.3,1200]]");
        assertThatThrownBy(() -> new TrailPoint(200, 0, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
