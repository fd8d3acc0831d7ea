package org.vigil.server.replay;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.vigil.core.radar.RadarSite;
import org.vigil.server.recording.RawStore;

/**
 * The one replayer: delivers the items of several {@link InputSource}s merged in data-time order,
 * on the calling thread, as fast as possible or paced by a {@link ReplayController} (real time ×
 * speed, pause, jump, stop) for a console playback.
 *
 * <p>Order: a k-way merge on data time; each input keeps its own order (even where it is not
 * monotonic) and the input with the earliest next item goes next; equal times go to the input
 * listed first. The same inputs therefore always give the same sequence (the determinism replay,
 * restart and the tests rest on). A recording is one input already in the order the live pipeline
 * saw it, so replaying it alone is that order.
 *
 * <p>Jumps: the inputs are opened by an {@link Opener} at a data time; a jump closes them, calls
 * {@code onJump} with the target (where the owner resets the picture behind the sinks) and opens
 * them afresh at the target.
 *
 * <p>Allocation: none per item (the inputs reuse their buffers); the merge is a scan of the inputs'
 * next times.
 */
public final class Replayer {
    /** What one input delivered (summed over the openings of a run with jumps). */
    public record SourceSummary(
            String name,
            String kind,
            String format,
            long delivered,
            long bytes,
            Map<String, Long> rejects,
            Map<String, Long> items) {}

    /**
     * What a run delivered.
     * @param firstNanos data time of the first item (Long.MIN_VALUE when none)
     * @param lastNanos  data time of the last item
     * @param jumps      jumps honoured
     * @param stopped    whether the controller stopped it before the inputs ended
     */
    public record Summary(
            List<SourceSummary> sources, long delivered, long firstNanos, long lastNanos, long jumps, boolean stopped) {
        /** Items of one kind over all inputs (a recording's "frames", "radar-blocks", "flight-plan-texts", "flight-plans"). */
        public long items(String kind) {
            return sources.stream()
                    .mapToLong(s -> s.items().getOrDefault(kind, 0L))
                    .sum();
        }

        /** Rejections for one reason over all inputs. */
        public long rejects(String reason) {
            return sources.stream()
                    .mapToLong(s -> s.rejects().getOrDefault(reason, 0L))
                    .sum();
        }
    }

    /** Opens the inputs to replay from data time {@code fromNanos} (Long.MIN_VALUE: their beginning). */
    @FunctionalInterface
    public interface Opener {
        List<InputSource> open(long fromNanos) throws IOException;
    }

    private Replayer() {}

    /** Replays {@code inputs} once, as fast as possible, and closes them. */
    public static Summary run(List<InputSource> inputs) throws IOException {
        Run r = new Run();
        r.segment(inputs, null);
        return r.summary(false);
    }

    /**
     * Replays the inputs {@code opener} gives from {@code fromNanos}, under {@code control}.
     * @param onJump called with the target before the inputs are reopened after a jump (reset the picture here)
     */
    public static Summary run(Opener opener, long fromNanos, ReplayController control, LongConsumer onJump)
            throws IOException {
        Run r = new Run();
        long from = fromNanos;
        while (true) {
            boolean interrupted = r.segment(opener.open(from), control);
            if (interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            long jump = control.takeJump();
            if (jump == Long.MIN_VALUE || control.stopped()) break;
            r.jumps++;
            onJump.accept(jump);
            from = jump;
        }
        return r.summary(control.stopped());
    }

    /** A recording's raw inputs with receive time in [from, to), as fast as possible ({@link RecordingInput}). */
    public static Summary recording(
            RawStore raw, List<RadarSite> radars, long fromNanos, long toNanos, ReplaySinks sinks) throws IOException {
        return run(List.of(new RecordingInput(raw, radars, fromNanos, toNanos, sinks)));
    }

    /** A recording's [from, to) under {@code control}; a jump reopens it at the target. */
    public static Summary recording(
            RawStore raw,
            List<RadarSite> radars,
            long fromNanos,
            long toNanos,
            ReplaySinks sinks,
            ReplayController control,
            LongConsumer onJump)
            throws IOException {
        return run(t -> List.of(new RecordingInput(raw, radars, t, toNanos, sinks)), fromNanos, control, onJump);
    }

    /** The state of one run across its segments (one per opening). */
    private static final class Run {
        /** By position: an opener opens the same inputs in the same order each time. */
        private final List<SourceSummary> sources = new ArrayList<>();

        long delivered, jumps;
        long first = Long.MIN_VALUE, last = Long.MIN_VALUE;

        /** Merges one opening of the inputs until they end, the controller stops it or a jump is asked; true if interrupted. */
        boolean segment(List<InputSource> inputs, ReplayController control) throws IOException {
            InputSource[] in = inputs.toArray(new InputSource[0]);
            try {
                while (true) {
                    int best = -1;
                    long bestTime = Long.MAX_VALUE;
                    for (int i = 0; i < in.length; i++) {
                        long t = in[i].peekTime();
                        if (t < bestTime) { // strict: on equal times the input listed first wins
                            bestTime = t;
                            best = i;
                        }
                    }
                    if (best < 0) break;
                    if (control != null) {
                        try {
                            if (!control.awaitDue(bestTime)) break;
                        } catch (InterruptedException e) {
                            return true;
                        }
                    }
                    in[best].deliver();
                    if (delivered++ == 0) first = bestTime;
                    last = bestTime;
                }
                return false;
            } finally {
                for (int i = 0; i < in.length; i++) {
                    add(i, in[i]);
                    in[i].close();
                }
            }
        }

        private void add(int index, InputSource i) {
            SourceSummary b = new SourceSummary(
                    i.name(),
                    i.kind(),
                    i.format(),
                    i.delivered(),
                    i.bytes(),
                    sum(Map.of(), i.rejects()),
                    sum(Map.of(), i.items()));
            if (index >= sources.size()) {
                sources.add(b);
                return;
            }
            SourceSummary a = sources.get(index);
            sources.set(
                    index,
                    new SourceSummary(
                            a.name(),
                            a.kind(),
                            a.format(),
                            a.delivered() + b.delivered(),
                            a.bytes() + b.bytes(),
                            sum(a.rejects(), b.rejects()),
                            sum(a.items(), b.items())));
        }

        private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
            Map<String, Long> m = new LinkedHashMap<>(a);
            b.forEach((k, v) -> m.merge(k, v, Long::sum));
            return Collections.unmodifiableMap(m);
        }

        Summary summary(boolean stopped) {
            return new Summary(List.copyOf(sources), delivered, first, last, jumps, stopped);
        }
    }
}
