package org.vigil.server.recording;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.vigil.codec.asterix.plots.RadarPlotDecoder;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.feed.SbsParser;

/**
 * Records every raw input where it enters Vigil, then hands it on unchanged: Mode S frames
 * (wrap the {@link FrameSink} a framer delivers to), SBS lines ({@link #sbs}), ASTERIX blocks (wrap the radar decoder's
 * input, {@link RadarBlockSink}) and ATS flight-plan text ({@link #flightPlans}). Layout in the
 * journal: {@link RawInput}.
 *
 * <p>Order: each input is recorded just before it is handed on, on the thread that delivers it,
 * so the journal holds the inputs in the order the pipeline saw them, which for one source is
 * that source's (data-time) order; a replay of the journal in append order is therefore the same
 * input sequence (the determinism the replay and restart rest on).
 *
 * <p>Receive time: by default the data time (frame time, block reference time), which is right
 * for simulated and replayed input whose data time is not "now"; a live network source passes a
 * wall clock ({@link #WALL_CLOCK}) so that a period of the journal is a period of real time.
 *
 * <p>Allocation: none per input. Each wrapper owns one scratch buffer, so one wrapper must be
 * called by one thread at a time (a feed's reader thread, or under the delivery lock). A refused
 * record (journal full, closed, too large) is counted ({@link #refused()}) and the input is still
 * handed on: the picture does not stop because recording failed.
 */
public final class RecordingTap {
    /** Wall-clock receive times, epoch nanoseconds at millisecond resolution. */
    public static final LongSupplier WALL_CLOCK = () -> System.currentTimeMillis() * 1_000_000L;

    private final Recorder recorder;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public RecordingTap(Recorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    public Recorder recorder() {
        return recorder;
    }

    /** Raw inputs recorded through this tap. */
    public long recorded() {
        return recorded.get();
    }

    /** Raw inputs the journal refused (see its stats for why); they were still delivered. */
    public long refused() {
        return refused.get();
    }

    /** Records Mode S frames of feed {@code name}, receive time = frame time. */
    public FrameSink modeS(String name, FrameSink next) {
        return modeS(name, next, null);
    }

    /**
     * Records Mode S frames of feed {@code name} and hands them to {@code next}.
     * @param receiveClock receive-time clock, or null to use the frame's own time
     */
    public FrameSink modeS(String name, FrameSink next, LongSupplier receiveClock) {
        Objects.requireNonNull(next, "next");
        int feed = feedId(RawInput.MODES + name);
        byte[] scratch = new byte[RawInput.MODES_HEADER + 64];
        return (buf, off, len, timeNanos, mlat12MHz, signal) -> {
            if (len >= 0 && len <= scratch.length - RawInput.MODES_HEADER && off >= 0 && off + len <= buf.length) {
                RawInput.LONG.set(scratch, 0, mlat12MHz);
                RawInput.INT.set(scratch, 8, signal);
                System.arraycopy(buf, off, scratch, RawInput.MODES_HEADER, len);
                long rx = receiveClock == null ? timeNanos : receiveClock.getAsLong();
                count(recorder.recordRaw(feed, rx, timeNanos, scratch, 0, RawInput.MODES_HEADER + len));
            } else {
                refused.incrementAndGet(); // not a frame (the decoder will reject it too); still delivered
            }
            next.onFrame(buf, off, len, timeNanos, mlat12MHz, signal);
        };
    }

    /**
     * Records the SBS lines of feed {@code name}, one journal entry per message that entered the
     * picture: call {@link SbsLines#record} with the message's parser just before handing it on.
     * @param receiveClock receive-time clock, or null to use the message's own time
     */
    public SbsLines sbs(String name, LongSupplier receiveClock) {
        int feed = feedId(RawInput.SBS + name);
        byte[] scratch = new byte[SbsParser.MAX_LINE];
        return (from, dataNanos) -> {
            int len = from.copyLine(scratch);
            long rx = receiveClock == null ? dataNanos : receiveClock.getAsLong();
            count(recorder.recordRaw(feed, rx, dataNanos, scratch, 0, len));
        };
    }

    /** Records the line of the SBS message being delivered. One caller thread at a time; no allocation. */
    @FunctionalInterface
    public interface SbsLines {
        void record(SbsParser from, long dataNanos);
    }

    /** Records ASTERIX blocks of radar source {@code name}, then hands them to {@code next}. */
    public RadarBlockSink radar(String name, RadarBlockSink next) {
        Objects.requireNonNull(next, "next");
        int feed = feedId(RawInput.ASTERIX + name);
        return (buf, off, len, receiveNanos) -> {
            count(recorder.recordRaw(feed, receiveNanos, receiveNanos, buf, off, len));
            next.block(buf, off, len, receiveNanos);
        };
    }

    /** Records ASTERIX blocks of radar source {@code name}, then decodes them with {@code decoder}. */
    public RadarBlockSink radar(String name, RadarPlotDecoder decoder) {
        Objects.requireNonNull(decoder, "decoder");
        return radar(name, (buf, off, len, rx) -> decoder.decode(buf, off, len, rx));
    }

    /** A radar sink that only records (when the caller decodes itself right after). */
    public RadarBlockSink radar(String name) {
        return radar(name, (buf, off, len, rx) -> {});
    }

    /**
     * Records one ATS message text (or several, as read from a file) of flight-plan source
     * {@code name}. Rare input: allocates (the UTF-8 bytes).
     * @return whether the journal took it
     */
    public boolean flightPlans(String name, long receiveNanos, long dataNanos, CharSequence text) {
        int feed = feedId(RawInput.FPL + name);
        byte[] b = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length > RawStore.MAX_RAW_BYTES) {
            refused.incrementAndGet();
            return false;
        }
        boolean ok = recorder.recordRaw(feed, receiveNanos, dataNanos, b, 0, b.length);
        count(ok);
        return ok;
    }

    /**
     * Records one tick of the picture's clock {@code name} (docs/REPLAY.md "Clock ticks"): receive
     * time {@code receiveNanos} (the wall clock), data time the tick. Call it on the thread that hands
     * the tick to the picture, just before, as for every input. No allocation after the first call.
     * @return whether the journal took it
     */
    public boolean clockTick(String name, long receiveNanos, long tickNanos) {
        int feed = clockFeed;
        if (feed < 0 || !name.equals(clockName)) {
            feed = feedId(RawInput.CLOCK + name);
            clockFeed = feed;
            clockName = name;
        }
        return tick(feed, receiveNanos, tickNanos);
    }

    /**
     * Records one step of simulation {@code name} ({@code step:NAME}, docs/REPLAY.md "The simulator
     * as a recorded input"): the scramble workflow is ticked at {@code tickNanos} between the simulation's
     * steps. Call it just before that tick, on the thread that runs it.
     * @return whether the journal took it
     */
    public boolean stepTick(String name, long receiveNanos, long tickNanos) {
        int feed = stepFeed;
        if (feed < 0 || !name.equals(stepName)) {
            feed = feedId(RawInput.STEP + name);
            stepFeed = feed;
            stepName = name;
        }
        return tick(feed, receiveNanos, tickNanos);
    }

    /**
     * {@code simulated} (a simulation's fighters) with every answer it gives the scramble workflow
     * journalled as {@code fighters:NAME} ({@link FighterAnswers}), stamped with the tick that asked.
     */
    public org.vigil.core.qra.scramble.Fighters fighters(String name, org.vigil.core.qra.scramble.Fighters simulated) {
        Objects.requireNonNull(simulated, "simulated");
        return FighterAnswers.journalled(simulated, this, name);
    }

    /** One encoded fighter answer, with the receive and data time of the last tick recorded. */
    void fighterAnswer(String name, byte[] b, int len) {
        int feed = fightersFeed;
        if (feed < 0 || !name.equals(fightersName)) {
            feed = feedId(RawInput.FIGHTERS + name);
            fightersFeed = feed;
            fightersName = name;
        }
        count(recorder.recordRaw(feed, tickReceiveNanos, tickNanos0, b, 0, len));
    }

    /** A tick (clock or step): the i64 tick, remembered as the time of the fighter answers that follow. */
    private boolean tick(int feed, long receiveNanos, long tickNanos) {
        RawInput.LONG.set(clockScratch, 0, tickNanos);
        boolean ok = recorder.recordRaw(feed, receiveNanos, tickNanos, clockScratch, 0, RawInput.CLOCK_BYTES);
        count(ok);
        tickReceiveNanos = receiveNanos;
        tickNanos0 = tickNanos;
        return ok;
    }

    private int stepFeed = -1, fightersFeed = -1;
    private String stepName, fightersName;
    /** The last tick recorded (clock or step): the times its fighter answers are journalled with. */
    private long tickReceiveNanos, tickNanos0;

    private final byte[] clockScratch = new byte[RawInput.CLOCK_BYTES];
    private int clockFeed = -1;
    private String clockName;

    private int feedId(String journalName) {
        int id = recorder.feed(journalName);
        if (id < 0) throw new IllegalArgumentException("feed name refused by the journal: " + journalName);
        return id;
    }

    private void count(boolean ok) {
        (ok ? recorded : refused).incrementAndGet();
    }
}
