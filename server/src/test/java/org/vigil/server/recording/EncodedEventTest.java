package org.vigil.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.core.event.EventCodec;
import org.vigil.core.event.EventTime;
import org.vigil.core.event.QraEvent;
import org.vigil.core.event.TrackEvent;

/** The store's row form of an event: type and track columns from the typed event, time to the ms, JSON encoded once. */
class EncodedEventTest {
    @Test
    void rowColumnsComeFromTheTypedEventAndTheJsonDecodesToIt() {
        long t = EventTime.parse("2022-04-20T09:00:20.500Z") + 123_456; // below the millisecond
        TrackEvent.Sensors e = new TrackEvent.Sensors(t, 5, List.of("Varna", "Ünïcode"));
        EncodedEvent x = EncodedEvent.of(e);
        assertThat(x.type()).isEqualTo("track-sensors");
        assertThat(x.timeNanos()).isEqualTo(1650445220500000000L);
        assertThat(x.track()).isEqualTo(5L);
        assertThat(x.json())
                .isEqualTo("{\"time\":\"2022-04-20T09:00:20.500Z\",\"type\":\"track-sensors\",\"schema\":2,\"track\":5,"
                        + "\"sensors\":[\"Varna\",\"Ünïcode\"]}");
        // the stored time is the time a reader decodes
        assertThat(EventCodec.decode(x.json()).time()).isEqualTo(x.timeNanos());

        EncodedEvent posture = EncodedEvent.of(new QraEvent.PostureChanged(t, "remove", "U-1", null, "sam", 2));
        assertThat(posture.track()).isNull();
        assertThat(posture.type()).isEqualTo("qra.posture");
    }
}
