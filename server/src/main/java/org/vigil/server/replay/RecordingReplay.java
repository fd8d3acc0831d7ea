package org.vigil.server.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.vigil.codec.asterix.plots.PlotCounters;
import org.vigil.codec.asterix.plots.RadarPlotDecoder;
import org.vigil.codec.fpl.FplParseResult;
import org.vigil.codec.fpl.FplParser;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarSite;
import org.vigil.server.recording.RawStore;
import org.vigil.server.recording.RawVisitor;
import org.vigil.server.recording.RawInput;

/**
 * Replays a period of a recording's raw inputs through the sinks a live run uses: Mode S frames
 * to {@link ReplaySinks#frames()}, ASTERIX blocks through a {@link RadarPlotDecoder} (one per
 * recorded radar source, all on one {@link RadarNetwork} of the recording's sites, as the live
 * run decodes them) to {@link ReplaySinks#plots()}, ATS messages parsed to
 * {@link ReplaySinks#flightPlans()}. On the calling thread.
 *
 * <p>Period and order: inputs with receive time in [from, to), in the order they were recorded
 * (journal append order), which is the order the live pipeline saw them: replaying the whole
 * recording into a fresh pipeline gives the live run's events again (RecordDeterminismTest).
 *
 * <p>Control: a {@link ReplayController} paces it (1x to maximum speed), pauses, jumps and stops
 * it from another thread. A jump restarts reading at the target data time with fresh radar
 * decoders after calling {@code onJump} with the target, where the owner resets the picture
 * behind the sinks (a jump forward into a fresh picture should land a few minutes early so tracks
 * can form: the owner picks the target).
 *
 * <p>Allocation: none per frame or radar block (the journal hands its buffer; decoders and the
 * visitor are made once per read). Flight-plan text is rare and allocates when parsed.
 */
public final class RecordingReplay {
    /**
     * What a replay delivered.
     * @param firstNanos data time of the first input delivered (Long.MIN_VALUE when none)
     * @param lastNanos  data time of the last input delivered
     * @param skipped    inputs of an unknown kind or too short to be what their kind says (counted, not delivered)
     * @param stopped    whether the controller stopped it before {@code to}
     */
    public record Summary(long delivered, long frames, long radarBlocks, long flightPlanTexts, long flightPlans,
                          long flightPlanRejects, long skipped, long jumps, long firstNanos, long lastNanos, boolean stopped) {}

    private final RawStore raw;
    private final List<RadarSite> radars;
    private final ReplaySinks sinks;

    public RecordingReplay(RawStore raw, List<RadarSite> radars, ReplaySinks sinks) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.radars = List.copyOf(radars);
        this.sinks = Objects.requireNonNull(sinks, "sinks");
    }

    /** Replays [from, to) of receive time as fast as possible. */
    public Summary run(long fromNanos, long toNanos) throws IOException {
        return run(fromNanos, toNanos, ReplayController.maxSpeed(), t -> { });
    }

    /**
     * Replays [from, to) of receive time under {@code control}.
     * @param onJump called with the target before reading resumes after a jump (reset the picture here)
     */
    public Summary run(long fromNanos, long toNanos, ReplayController control, LongConsumer onJump) throws IOException {
        Reader r = new Reader(control);
        long from = fromNanos;
        while (true) {
            r.reset();
            raw.read(from, toNanos, r);
            if (r.interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
            long jump = control.takeJump();
            if (jump == Long.MIN_VALUE || control.stopped()) break;
            r.jumps++;
            onJump.accept(jump);
            from = jump;
        }
        return new Summary(r.delivered, r.frames, r.blocks, r.planTexts, r.plans, r.planRejects, r.skipped, r.jumps,
                r.first, r.last, control.stopped());
    }

    /** The visitor: one per run; decoders made afresh at each (re)start of reading. */
    private final class Reader implements RawVisitor {
        private final ReplayController control;
        private final Map<String, RadarPlotDecoder> decoders = new HashMap<>();
        private final FplParser fpl = new FplParser();
        private RadarNetwork network;
        private String lastFeed;
        private RawInput.Kind lastKind;
        private RadarPlotDecoder lastDecoder;
        long delivered, frames, blocks, planTexts, plans, planRejects, skipped, jumps;
        long first = Long.MIN_VALUE, last = Long.MIN_VALUE;
        boolean interrupted;

        Reader(ReplayController control) {
            this.control = control;
        }

        void reset() {
            network = new RadarNetwork(radars);
            decoders.clear();
            lastFeed = null;
        }

        private RadarPlotDecoder decoderFor(String feed) {
            RadarPlotDecoder d = decoders.get(feed);
            if (d == null) {
                d = new RadarPlotDecoder(network, sinks.plots(), new PlotCounters());
                decoders.put(feed, d);
            }
            return d;
        }

        @Override
        public boolean onRaw(String feed, long receiveNanos, long dataNanos, byte[] b, int off, int len) {
            if (feed != lastFeed) {
                lastFeed = feed;
                lastKind = RawInput.kindOf(feed);
                lastDecoder = lastKind == RawInput.Kind.ASTERIX ? decoderFor(feed) : null;
            }
            if (lastKind == RawInput.Kind.UNKNOWN || (lastKind == RawInput.Kind.MODES && len < RawInput.MODES_HEADER)) {
                skipped++;
                return true;
            }
            try {
                if (!control.awaitDue(dataNanos)) return false;
            } catch (InterruptedException e) {
                interrupted = true;
                return false;
            }
            switch (lastKind) {
                case MODES -> {
                    long mlat = (long) RawInput.LONG.get(b, off);
                    int signal = (int) RawInput.INT.get(b, off + 8);
                    sinks.frames().onFrame(b, off + RawInput.MODES_HEADER, len - RawInput.MODES_HEADER, dataNanos, mlat, signal);
                    frames++;
                }
                case ASTERIX -> {
                    lastDecoder.decode(b, off, len, receiveNanos);
                    blocks++;
                }
                case FPL -> {
                    planTexts++;
                    for (FplParseResult p : fpl.parseAll(new String(b, off, len, StandardCharsets.UTF_8))) {
                        if (p instanceof FplParseResult.Parsed ok) {
                            sinks.flightPlans().accept(ok.message());
                            plans++;
                        } else {
                            planRejects++;
                        }
                    }
                }
                default -> { }
            }
            delivered++;
            if (first == Long.MIN_VALUE) first = dataNanos;
            last = dataNanos;
            return true;
        }
    }
}
