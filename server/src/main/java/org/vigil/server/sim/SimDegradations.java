package org.vigil.server.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.vigil.codec.feed.FrameSink;
import org.vigil.core.sim.Degradation;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.ReceiverSpec;
import org.vigil.core.sim.Scenario;

/**
 * The scenario's degradations (docs/SCENARIOS.md "Degradations") applied to a simulation's
 * sensors, live ({@link LiveSimulation}) or written to files ({@link SimRunner}): a dropped receiver's frames and a dropped radar's blocks are never sent; a receiver's
 * frames can be held and sent late with their own time ({@code latency}), sent in reverse order at
 * the end of each window ({@code reorder}), or repeated later as new ones by an extra feed
 * ({@code stale}). Deterministic: everything happens on scenario time.
 *
 * <p>Not thread-safe: the simulation's thread (the picture's loop) only. Held frames are copied
 * into pooled holders (a test bed: bounded by the frames of one delay).
 */
final class SimDegradations {
    private final long startNanos;
    private final List<Degradation>[] receivers;
    private final List<Degradation>[] radars;
    /** Per receiver: frames held for latency or reorder, in arrival order. */
    private final ArrayDeque<Held>[] held;
    /** Per receiver: copies waiting to be repeated by its stale feed. */
    private final ArrayDeque<Held>[] stale;

    private final ArrayDeque<Held> pool = new ArrayDeque<>();
    private final boolean any;
    private long dropped, delayed, repeated;

    @SuppressWarnings("unchecked")
    SimDegradations(Scenario sc) {
        this.startNanos = sc.startEpochSeconds() * 1_000_000_000L;
        List<ReceiverSpec> rx = sc.receivers();
        List<RadarSpec> rd = sc.radars();
        receivers = new List[rx.size()];
        held = new ArrayDeque[rx.size()];
        stale = new ArrayDeque[rx.size()];
        radars = new List[rd.size()];
        for (int i = 0; i < rx.size(); i++) {
            receivers[i] = of(sc, rx.get(i).name());
            held[i] = new ArrayDeque<>();
            stale[i] = new ArrayDeque<>();
        }
        for (int i = 0; i < rd.size(); i++) radars[i] = of(sc, rd.get(i).name());
        any = !sc.degradations().isEmpty();
    }

    private static List<Degradation> of(Scenario sc, String name) {
        List<Degradation> out = new ArrayList<>();
        for (Degradation d : sc.degradations()) if (d.sensor().equals(name)) out.add(d);
        return List.copyOf(out);
    }

    /** Whether the scenario has any degradation (else every call is a no-op). */
    boolean any() {
        return any;
    }

    /** Whether a receiver has a stale feed (an extra feed row). */
    boolean hasStaleFeed(int receiver) {
        for (Degradation d : receivers[receiver]) if (d.kind() == Degradation.Kind.STALE) return true;
        return false;
    }

    /** Whether radar {@code i} is dropped at scenario time {@code t} (its block is not sent). */
    boolean radarDropped(int i, double t) {
        for (Degradation d : radars[i]) {
            if (d.kind() == Degradation.Kind.DROP && d.activeAt(t)) {
                dropped++;
                return true;
            }
        }
        return false;
    }

    /** Whether receiver {@code i} is dropped at scenario time {@code t} (counted). */
    boolean receiverDropped(int i, double t) {
        if (!any) return false;
        for (Degradation d : receivers[i]) {
            if (d.kind() == Degradation.Kind.DROP && d.activeAt(t)) {
                dropped++;
                return true;
            }
        }
        return false;
    }

    /**
     * A frame receiver {@code i} sends: dropped, held (latency, reorder) or let through now (false:
     * the caller delivers it); copied for its stale feed too when one is active.
     */
    boolean hold(int i, byte[] buf, int off, int len, long timeNanos, long mlat, int signal) {
        if (!any) return false;
        double t = (timeNanos - startNanos) / 1e9;
        for (Degradation d : receivers[i]) {
            if (!d.activeAt(t)) continue;
            switch (d.kind()) {
                case DROP -> {
                    dropped++;
                    return true;
                }
                case STALE ->
                    stale[i].addLast(
                            holder(buf, off, len, timeNanos, mlat, signal, timeNanos + nanos(d.delaySeconds())));
                default -> {}
            }
        }
        for (Degradation d : receivers[i]) {
            if (!d.activeAt(t)) continue;
            long due;
            if (d.kind() == Degradation.Kind.LATENCY) due = timeNanos + nanos(d.delaySeconds());
            else if (d.kind() == Degradation.Kind.REORDER) {
                long w = nanos(d.delaySeconds());
                long since = timeNanos - startNanos;
                due = startNanos + (Math.floorDiv(since, w) + 1) * w;
            } else continue;
            held[i].addLast(holder(buf, off, len, timeNanos, mlat, signal, due));
            delayed++;
            return true;
        }
        return false;
    }

    /**
     * Sends what is due at {@code nowNanos}: held frames with their own time to {@code sinks[i]}
     * (a reorder window's in reverse order), stale copies stamped {@code due} to {@code staleSinks[i]}.
     */
    void release(long nowNanos, FrameSink[] sinks, FrameSink[] staleSinks) {
        if (!any) return;
        for (int i = 0; i < held.length; i++) {
            ArrayDeque<Held> q = held[i];
            // the due frames: a run at the head (latency in order; a reorder window all due together)
            int n = 0;
            for (Held h : q) {
                if (h.due > nowNanos) break;
                n++;
            }
            if (n > 0) {
                Held[] due = new Held[n];
                for (int k = 0; k < n; k++) due[k] = q.pollFirst();
                boolean reverse = n > 1 && due[0].due == due[n - 1].due && isReorder(i, due[0].time);
                for (int k = 0; k < n; k++) {
                    Held h = due[reverse ? n - 1 - k : k];
                    sinks[i].onFrame(h.frame, 0, h.len, h.time, h.mlat, h.signal);
                    pool.addLast(h);
                }
            }
            ArrayDeque<Held> s = stale[i];
            while (!s.isEmpty() && s.peekFirst().due <= nowNanos) {
                Held h = s.pollFirst();
                if (staleSinks[i] != null) {
                    staleSinks[i].onFrame(h.frame, 0, h.len, h.due, h.mlat, h.signal);
                    repeated++;
                }
                pool.addLast(h);
            }
        }
    }

    private boolean isReorder(int i, long timeNanos) {
        double t = (timeNanos - startNanos) / 1e9;
        for (Degradation d : receivers[i]) if (d.kind() == Degradation.Kind.REORDER && d.activeAt(t)) return true;
        return false;
    }

    /** Frames and blocks dropped, frames held back, stale frames repeated. */
    long dropped() {
        return dropped;
    }

    long delayed() {
        return delayed;
    }

    long repeated() {
        return repeated;
    }

    private Held holder(byte[] buf, int off, int len, long time, long mlat, int signal, long due) {
        Held h = pool.isEmpty() ? new Held() : pool.pollFirst();
        int n = Math.min(len, h.frame.length);
        System.arraycopy(buf, off, h.frame, 0, n);
        h.len = n;
        h.time = time;
        h.mlat = mlat;
        h.signal = signal;
        h.due = due;
        return h;
    }

    private static long nanos(double s) {
        return Math.round(s * 1e9);
    }

    /** A frame held back. */
    private static final class Held {
        final byte[] frame = new byte[14];
        int len, signal;
        long time, mlat, due;
    }
}
