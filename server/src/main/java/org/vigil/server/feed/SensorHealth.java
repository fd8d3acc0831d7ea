package org.vigil.server.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.core.event.EventSink;
import org.vigil.core.event.SensorEvent;

/**
 * The health of the picture's inputs, per feed and per radar: {@code up}, {@code degraded} or
 * {@code lost}, with the reason (docs/HEALTH.md). Judged on the picture's clock, never the wall
 * clock: a sensor's inputs ({@link #heard}, {@link #frame}) carry data time and {@link #evaluate} runs
 * at each clock tick, both recorded, so a replay of the recording gives the same states and the same
 * {@code sensor-status} events.
 *
 * <p>Rules, in this order: silent for longer than the timeout: {@code lost} ("no data for N s"); a
 * radar silent for more than two rotation periods: {@code degraded} ("rotation period missed"); Mode
 * S frames failing their CRC at more than the configured share over the last window (at least
 * {@link Config#crcMinFrames} frames): {@code degraded} ("CRC errors N %"); else {@code up}. A sensor
 * enters the model with its first input (a feed that never delivered is shown by its connection
 * state in {@code /api/feeds}, which is not part of the recorded picture).
 *
 * <p>Threading: the picture's owner thread only. No allocation on {@link #heard}/{@link #frame}.
 */
public final class SensorHealth {
    public static final String UP = "up", DEGRADED = "degraded", LOST = "lost";
    public static final String ADSB = "adsb", RADAR = "radar";

    /**
     * @param silenceSeconds a sensor silent this long is lost
     * @param crcErrorShare  share of frames failing the CRC above which a feed is degraded
     * @param crcMinFrames   frames in the window before the share is judged
     * @param windowSeconds  length of the CRC window (two halves, the older dropped every half)
     */
    public record Config(double silenceSeconds, double crcErrorShare, int crcMinFrames, double windowSeconds) {
        public static final Config DEFAULTS = new Config(30, 0.5, 50, 20);

        public Config {
            if (!(silenceSeconds > 0)) throw new IllegalArgumentException("silence timeout must be > 0 s");
            if (!(crcErrorShare > 0 && crcErrorShare <= 1))
                throw new IllegalArgumentException("CRC error share must be in (0, 1]");
            if (!(windowSeconds > 0)) throw new IllegalArgumentException("window must be > 0 s");
        }

        public Config withSilenceSeconds(double s) {
            return new Config(s, crcErrorShare, crcMinFrames, windowSeconds);
        }
    }

    /** One sensor as the API shows it. */
    public record Status(
            String sensor, String kind, String state, String reason, long lastDataNanos, long sinceNanos) {}

    private enum Why {
        NONE,
        SILENT,
        ROTATION,
        CRC
    }

    private final Config config;
    private final long silenceNanos, halfWindowNanos;
    private final EventSink events;

    private int n;
    private String[] names = new String[8], kinds = new String[8], states = new String[8], reasons = new String[8];
    private Why[] whys = new Why[8];
    private int[] keys = new int[8];
    private double[] periodS = new double[8];
    private long[] last = new long[8], since = new long[8];
    private long[] good = new long[8], bad = new long[8], goodOld = new long[8], badOld = new long[8];
    private long windowStart = Long.MIN_VALUE;
    private long changeCount;

    /** @param events where the {@code sensor-status} events go; null: none */
    public SensorHealth(Config config, EventSink events) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.silenceNanos = (long) (config.silenceSeconds() * 1e9);
        this.halfWindowNanos = (long) (config.windowSeconds() * 0.5e9);
        this.events = events;
    }

    public Config config() {
        return config;
    }

    /** The id of the feed {@code name} of {@code kind}, entered on first use (allocates then only). */
    public int source(String name, String kind) {
        return source(name, kind, Integer.MIN_VALUE, 0);
    }

    /**
     * The id of a sensor: by {@code key} when it is not {@link Integer#MIN_VALUE} (a radar's SAC/SIC),
     * else by name; entered on first use.
     * @param rotationSeconds the radar's rotation period (0: not a rotating sensor)
     */
    public int source(String name, String kind, int key, double rotationSeconds) {
        for (int i = 0; i < n; i++) {
            if (key != Integer.MIN_VALUE ? keys[i] == key : keys[i] == Integer.MIN_VALUE && names[i].equals(name)) {
                if (rotationSeconds > 0) periodS[i] = rotationSeconds;
                return i;
            }
        }
        if (n == names.length) grow();
        names[n] = name;
        kinds[n] = kind;
        keys[n] = key;
        periodS[n] = rotationSeconds;
        states[n] = UP;
        whys[n] = Why.NONE;
        last[n] = Long.MIN_VALUE;
        since[n] = Long.MIN_VALUE;
        return n++;
    }

    /** Names sensor {@code id} and sets its rotation period (a radar's service message tells them after its first plot). */
    public void describe(int id, String name, double rotationSeconds) {
        names[id] = java.util.Objects.requireNonNull(name, "name");
        if (rotationSeconds > 0) periodS[id] = rotationSeconds;
    }

    /** The sensor with key {@code key} (a radar's SAC/SIC), or -1. */
    public int byKey(int key) {
        for (int i = 0; i < n; i++) if (keys[i] == key) return i;
        return -1;
    }

    /** An input of sensor {@code id} with data time {@code t}. */
    public void heard(int id, long t) {
        if (t > last[id]) last[id] = t;
        if (since[id] == Long.MIN_VALUE) since[id] = t;
    }

    /** A Mode S frame of feed {@code id}: whether it passed its CRC (counted in the CRC window). */
    public void frame(int id, boolean crcOk) {
        if (crcOk) good[id]++;
        else bad[id]++;
    }

    /**
     * Judges every sensor at {@code now} (the picture's clock) and writes a {@code sensor-status}
     * event for each change. @return the number of changes
     */
    public int evaluate(long now) {
        return evaluate(now, now);
    }

    /**
     * As {@link #evaluate(long)}, the events stamped {@code eventTime} (the picture stamps them with
     * the time up to which its event stream is complete, so the stream stays in data-time order).
     */
    public int evaluate(long now, long eventTime) {
        if (windowStart == Long.MIN_VALUE) windowStart = now;
        else if (now - windowStart >= halfWindowNanos) {
            windowStart = now;
            for (int i = 0; i < n; i++) {
                goodOld[i] = good[i];
                badOld[i] = bad[i];
                good[i] = 0;
                bad[i] = 0;
            }
        }
        int changes = 0;
        for (int i = 0; i < n; i++) {
            if (last[i] == Long.MIN_VALUE) continue; // entered, nothing heard yet
            long silent = now - last[i];
            String state;
            Why why;
            String reason = null;
            long frames = good[i] + bad[i] + goodOld[i] + badOld[i];
            long failed = bad[i] + badOld[i];
            if (silent > silenceNanos) {
                state = LOST;
                why = Why.SILENT;
                reason = String.format(Locale.ROOT, "no data for %.0f s", config.silenceSeconds());
            } else if (periodS[i] > 0 && silent > (long) (2 * periodS[i] * 1e9)) {
                state = DEGRADED;
                why = Why.ROTATION;
                reason = "rotation period missed";
            } else if (frames >= config.crcMinFrames() && failed > config.crcErrorShare() * frames) {
                state = DEGRADED;
                why = Why.CRC;
                reason = String.format(Locale.ROOT, "CRC errors %d %%", Math.round(100.0 * failed / frames));
            } else {
                state = UP;
                why = Why.NONE;
            }
            if (why != whys[i]) {
                String from = states[i];
                states[i] = state;
                whys[i] = why;
                since[i] = now;
                changes++;
                changeCount++;
                if (events != null) {
                    events.accept(
                            new SensorEvent.StatusChanged(eventTime, names[i], kinds[i], state, from, reason, last[i]));
                }
            }
            reasons[i] = reason;
        }
        return changes;
    }

    /** Number of sensors entered. */
    public int size() {
        return n;
    }

    public String name(int id) {
        return names[id];
    }

    public String kind(int id) {
        return kinds[id];
    }

    public String state(int id) {
        return states[id];
    }

    public int key(int id) {
        return keys[id];
    }

    /** Data time of the sensor's last input, {@link Long#MIN_VALUE} before any. */
    public long lastData(int id) {
        return last[id];
    }

    public double rotationSeconds(int id) {
        return periodS[id];
    }

    /** State changes so far (the events written). */
    public long changes() {
        return changeCount;
    }

    /** Every sensor heard so far, in the order they were entered (allocates: for the API). */
    public List<Status> statuses() {
        List<Status> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (last[i] == Long.MIN_VALUE) continue;
            out.add(new Status(names[i], kinds[i], states[i], reasons[i], last[i], since[i]));
        }
        return List.copyOf(out);
    }

    private void grow() {
        int m = names.length * 2;
        names = java.util.Arrays.copyOf(names, m);
        kinds = java.util.Arrays.copyOf(kinds, m);
        states = java.util.Arrays.copyOf(states, m);
        reasons = java.util.Arrays.copyOf(reasons, m);
        whys = java.util.Arrays.copyOf(whys, m);
        keys = java.util.Arrays.copyOf(keys, m);
        periodS = java.util.Arrays.copyOf(periodS, m);
        last = java.util.Arrays.copyOf(last, m);
        since = java.util.Arrays.copyOf(since, m);
        good = java.util.Arrays.copyOf(good, m);
        bad = java.util.Arrays.copyOf(bad, m);
        goodOld = java.util.Arrays.copyOf(goodOld, m);
        badOld = java.util.Arrays.copyOf(badOld, m);
    }
}
