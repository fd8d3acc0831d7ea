package org.vigil.server.picture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.core.event.EventTime;
import org.vigil.server.feed.FeedStatus;
import org.vigil.server.feed.SensorHealth;

/**
 * What {@code /api/health} says about the picture's inputs (docs/HEALTH.md): {@code status}
 * {@code degraded} with the feeds and radars that are not up and why, each sensor's state, whether
 * the inputs have ended (a scenario or file played to its end: the picture is frozen), and the
 * picture's clock.
 */
public final class HealthReport {
    private HealthReport() {}

    /**
     * @param snap  the picture's last snapshot (sensor health, clock)
     * @param feeds the feeds' connection states (live only, not recorded): a feed reconnecting is
     *              degraded whatever its data said last
     */
    public static Map<String, Object> of(PictureSnapshot snap, List<FeedStatus> feeds) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> degraded = new ArrayList<>();
        List<Map<String, Object>> sensors = new ArrayList<>();
        long now = snap.nowNanos();
        for (SensorHealth.Status s : snap.sensors()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("sensor", s.sensor());
            v.put("kind", s.kind());
            v.put("state", s.state());
            if (s.reason() != null) v.put("reason", s.reason());
            v.put("last_data", EventTime.format(s.lastDataNanos()));
            if (now != Long.MIN_VALUE) v.put("silent_s", Math.max(0, (now - s.lastDataNanos()) / 1_000_000) / 1000.0);
            v.put("since", EventTime.format(s.sinceNanos()));
            sensors.add(v);
            if (!SensorHealth.UP.equals(s.state()))
                degraded.add(s.sensor() + ": " + s.state() + " (" + s.reason() + ")");
        }
        boolean ended = !feeds.isEmpty();
        for (FeedStatus f : feeds) {
            String st = f.state();
            if ("backoff".equals(st) || "connecting".equals(st) && f.connects() > 0) {
                degraded.add(f.name() + ": reconnecting" + (f.lastError() == null ? "" : " (" + f.lastError() + ")"));
            }
            if (!"eof".equals(st) && !"failed".equals(st)) ended = false;
        }
        m.put("status", degraded.isEmpty() ? "ok" : "degraded");
        if (!degraded.isEmpty()) m.put("degraded", degraded);
        m.put("input", ended ? "ended" : "live");
        if (ended) m.put("input_text", "every input has ended: the picture is frozen at its last data");
        if (now != Long.MIN_VALUE) m.put("clock", EventTime.format(now));
        m.put("sensors", sensors);
        return m;
    }
}
