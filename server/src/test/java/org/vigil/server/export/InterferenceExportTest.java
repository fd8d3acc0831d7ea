package org.vigil.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.core.event.EventTime;
import org.vigil.core.event.InterferenceEvent;
import org.vigil.core.event.VigilEvent;

/** The interference picture per hour: one feature per area and hour it was open in, at its largest. */
class InterferenceExportTest {
    static final long T = EventTime.parse("2022-04-20T09:40:00.000Z");
    static final long MIN = 60_000_000_000L;

    @Test
    @SuppressWarnings("unchecked")
    void anAreaOpenAcrossAnHourIsInBothHoursAtItsLargest() {
        List<VigilEvent> events = List.of(
                new InterferenceEvent.Opened(T, 1, "jamming", 44.0, 29.0, 60, 3, 10, 6, 0.5),
                new InterferenceEvent.Grown(T + 10 * MIN, 1, "jamming", 44.1, 29.1, 120, 9, 30, 25, 0.8),
                new InterferenceEvent.Opened(T + 15 * MIN, 2, "spoofing", 45.0, 30.0, 20, 1, 5, 4, 0.6),
                new InterferenceEvent.Closed(T + 16 * MIN, 2, "spoofing", T + 15 * MIN, 1),
                new InterferenceEvent.Closed(T + 40 * MIN, 1, "jamming", T, 9));
        Map<String, Object> g = InterferenceExport.geoJson(events, T + 120 * MIN);
        List<Map<String, Object>> f = (List<Map<String, Object>>) g.get("features");
        assertThat(f).hasSize(3);
        Map<String, Object> p0 = (Map<String, Object>) f.get(0).get("properties");
        Map<String, Object> p1 = (Map<String, Object>) f.get(1).get("properties");
        Map<String, Object> p2 = (Map<String, Object>) f.get(2).get("properties");
        assertThat(p0)
                .containsEntry("hour", "2022-04-20T09:00:00.000Z")
                .containsEntry("area", 1)
                .containsEntry("cells", 9);
        assertThat(p1)
                .containsEntry("hour", "2022-04-20T09:00:00.000Z")
                .containsEntry("area", 2)
                .containsEntry("kind", "spoofing");
        assertThat(p2)
                .containsEntry("hour", "2022-04-20T10:00:00.000Z")
                .containsEntry("area", 1)
                .containsEntry("cells", 9)
                .containsEntry("closedAt", "2022-04-20T10:20:00.000Z");
        Map<String, Object> geom = (Map<String, Object>) f.get(0).get("geometry");
        List<List<List<Double>>> rings = (List<List<List<Double>>>) geom.get("coordinates");
        assertThat(rings.get(0)).hasSize(37);
        assertThat(rings.get(0).get(0)).isEqualTo(rings.get(0).get(36));
    }
}
